package dev.primer.agent.cli;

import dev.primer.agent.config.AgentHome;
import dev.primer.agent.crypto.KeyFile;
import dev.primer.agent.crypto.KeyProtector;
import dev.primer.agent.crypto.PassphraseProtector;
import dev.primer.agent.crypto.SecretToolProtector;
import dev.primer.agent.crypto.StoreKey;
import java.io.Console;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which protection a home's store key gets at enrolment, and the protector that opens it later: the
 * OS keystore (secret-tool) where it works, else a passphrase (PRIMER_AGENT_PASSPHRASE or asked on
 * the terminal), and a plain key file only when asked for by name.
 */
final class StoreKeys {
  /** The environment variable a passphrase is read from before the terminal is asked. */
  static final String PASSPHRASE_VARIABLE = "PRIMER_AGENT_PASSPHRASE";

  /** The protections --key-protection takes. */
  static final String CHOICES = "auto, secret-tool, passphrase, plain";

  private StoreKeys() {}

  /**
   * The protector for a new key ({@code choice} one of {@link #CHOICES}); empty for a plain key
   * file. Asks for the passphrase now (twice on a terminal), so nothing is enrolled without it.
   */
  static Optional<KeyProtector> forNewKey(String choice, AgentHome home, AgentContext context) {
    return switch (choice) {
      case "plain" -> Optional.empty();
      case "secret-tool" ->
          Optional.of(
              SecretToolProtector.find(context.env())
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "secret-tool is not installed or finds no keyring in this session")));
      case "passphrase" -> Optional.of(new PassphraseProtector(newPassphrase(home, context)));
      case "auto" -> {
        Optional<KeyProtector> os = SecretToolProtector.find(context.env()).map(p -> p);
        if (os.isPresent()) {
          yield os;
        }
        if (envPassphrase(context).isEmpty() && System.console() == null) {
          throw new IllegalStateException(
              "no OS keystore (secret-tool) here and no passphrase to protect the store key:"
                  + " set "
                  + PASSPHRASE_VARIABLE
                  + ", or enrol with --plain-key-file (the key then lies unprotected beside the"
                  + " store)");
        }
        yield Optional.of(new PassphraseProtector(newPassphrase(home, context)));
      }
      default ->
          throw new IllegalArgumentException(
              "--key-protection must be one of " + CHOICES + ", was '" + choice + "'");
    };
  }

  /** Opens the store key of {@code home}, asking for what its protection needs. */
  static StoreKey open(AgentHome home, AgentContext context) {
    if (!Files.exists(home.keyFile())) {
      throw new IllegalStateException(
          Files.exists(home.storeFile())
              ? "the store key "
                  + home.keyFile()
                  + " is missing: the store cannot be read without it"
              : "no agent enrolled in "
                  + home.dir()
                  + ": run 'bin/primer agent enroll --server URL --token TOKEN' first");
    }
    return KeyFile.open(
        home.keyFile(),
        kind ->
            switch (kind) {
              case "passphrase" -> new PassphraseProtector(passphrase(home, context));
              case "secret-service" ->
                  SecretToolProtector.find(context.env())
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "the store key of "
                                      + home.dir()
                                      + " is in the OS keystore, and secret-tool does not work"
                                      + " in this session"));
              default ->
                  throw new IllegalStateException(
                      "the key file "
                          + home.keyFile()
                          + " names an unknown protection '"
                          + kind
                          + "'");
            });
  }

  private static Optional<String> envPassphrase(AgentContext context) {
    return Optional.ofNullable(context.env().get(PASSPHRASE_VARIABLE)).filter(p -> !p.isEmpty());
  }

  /** The passphrase of an existing key: from the environment, else asked when needed. */
  private static Supplier<char[]> passphrase(AgentHome home, AgentContext context) {
    Optional<String> fromEnv = envPassphrase(context);
    return () ->
        fromEnv
            .map(String::toCharArray)
            .orElseGet(
                () -> {
                  Console console = System.console();
                  if (console == null) {
                    throw new IllegalStateException(
                        "the store key of "
                            + home.dir()
                            + " is protected by a passphrase: set "
                            + PASSPHRASE_VARIABLE
                            + " (there is no terminal to ask on)");
                  }
                  char[] typed =
                      console.readPassword("passphrase for the store key of %s: ", home.dir());
                  return typed == null ? new char[0] : typed;
                });
  }

  /** A new key's passphrase, read once now: from the environment, else typed twice. */
  private static Supplier<char[]> newPassphrase(AgentHome home, AgentContext context) {
    char[] chosen;
    Optional<String> fromEnv = envPassphrase(context);
    if (fromEnv.isPresent()) {
      chosen = fromEnv.get().toCharArray();
    } else {
      Console console = System.console();
      if (console == null) {
        throw new IllegalStateException(
            "a passphrase is needed for the store key: set "
                + PASSPHRASE_VARIABLE
                + " (there is no terminal to ask on)");
      }
      chosen = console.readPassword("new passphrase for the store key of %s: ", home.dir());
      char[] again = console.readPassword("the same passphrase again: ");
      if (chosen == null || chosen.length == 0 || !Arrays.equals(chosen, again)) {
        throw new IllegalArgumentException("the two passphrases are empty or differ");
      }
    }
    char[] kept = chosen;
    return kept::clone;
  }
}

package dev.primer.agent.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The master key kept by the Secret Service (GNOME Keyring, KWallet) through libsecret's {@code
 * secret-tool} command; the key file then holds only the item's id. The keyring is unlocked with
 * the user's login, so a copied disk without that login does not open the store.
 */
public final class SecretToolProtector implements KeyProtector {
  private static final String APPLICATION = "primer-agent";

  private final Path command;
  private final Map<String, String> environment;

  SecretToolProtector(Path command, Map<String, String> environment) {
    this.command = command;
    this.environment = Map.copyOf(environment);
  }

  /**
   * The Secret Service, when {@code secret-tool} is on {@code PATH} and works (it stores, finds and
   * clears a probe item: on a machine without a session keyring it fails).
   */
  public static Optional<SecretToolProtector> find(Map<String, String> environment) {
    for (String dir : environment.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "secret-tool");
      if (Files.isExecutable(candidate)) {
        SecretToolProtector tool = new SecretToolProtector(candidate, environment);
        return tool.works() ? Optional.of(tool) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private boolean works() {
    String probe = "probe-" + UUID.randomUUID();
    try {
      Result stored = run(List.of("store", "--label=primer-agent probe", "key-id", probe), "probe");
      Result found = run(List.of("lookup", "key-id", probe), "");
      run(List.of("clear", "key-id", probe), "");
      return stored.exit == 0 && found.exit == 0 && found.out.strip().equals("probe");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String kind() {
    return "secret-service";
  }

  @Override
  public Map<String, String> seal(byte[] master) {
    String id = UUID.randomUUID().toString();
    try {
      Result r =
          run(
              List.of("store", "--label=Primer agent store key " + id, "key-id", id),
              Base64.getEncoder().encodeToString(master));
      if (r.exit != 0) {
        throw new IllegalStateException("secret-tool could not store the key: " + r.err.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run secret-tool: " + e.getMessage(), e);
    }
    return Map.of("application", APPLICATION, "keyId", id);
  }

  @Override
  public byte[] open(Map<String, String> sealed) {
    String id = sealed.getOrDefault("keyId", "");
    try {
      Result r = run(List.of("lookup", "key-id", id), "");
      if (r.exit != 0 || r.out.isBlank()) {
        throw new WrongKeyException(
            "the OS keystore (secret-tool) holds no store key " + id + " for this user");
      }
      return Base64.getDecoder().decode(r.out.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the OS keystore's entry " + id + " is not a store key", e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run secret-tool: " + e.getMessage(), e);
    }
  }

  private record Result(int exit, String out, String err) {}

  private Result run(List<String> args, String stdin) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(command.toString());
    cmd.add(args.get(0));
    cmd.addAll(args.subList(1, args.size()));
    cmd.addAll(List.of("application", APPLICATION));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().putAll(environment);
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream out = p.getInputStream();
        InputStream err = p.getErrorStream()) {
      byte[] o = out.readNBytes(64 * 1024);
      byte[] e = err.readNBytes(64 * 1024);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("secret-tool did not answer within 30 s");
      }
      return new Result(
          p.exitValue(),
          new String(o, StandardCharsets.UTF_8),
          new String(e, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for secret-tool", e);
    }
  }
}

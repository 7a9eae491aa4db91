package dev.primer.bench.service;

import dev.primer.protocol.client.PrimerClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;

/** What the service benches share: reading their options and one HTTP client for every device. */
final class BenchSetup {
  /** The development signing key, the one {@code bin/primer service --dev-key} trusts. */
  static final String DEV_KEY = "priming-service/dev-keys/dev-private.pem";

  private BenchSetup() {}

  /** The value after option {@code args[i - 1]}. */
  static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** {@code v} as a whole number of at least 1. */
  static int positive(String v, String option) {
    try {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw new IllegalArgumentException(option + " must be at least 1, was " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, was '" + v + "'");
    }
  }

  /** The tokens minted with the private key in {@code keyFile}, checked before any work. */
  static DevTokens tokens(String keyFile, String issuer) {
    if (!Files.isRegularFile(Path.of(keyFile))) {
      throw new IllegalArgumentException("no key file " + keyFile);
    }
    return DevTokens.fromPem(Path.of(keyFile), issuer, DevTokens.DEFAULT_AUDIENCE);
  }

  /** One HTTP client for every device of a bench (each speaks through it with its own token). */
  static PrimerClient client(URI server, int threads) {
    return PrimerClient.builder(server)
        .connectTimeout(Duration.ofSeconds(10))
        .executor(Executors.newFixedThreadPool(Math.max(4, threads)))
        .build();
  }
}

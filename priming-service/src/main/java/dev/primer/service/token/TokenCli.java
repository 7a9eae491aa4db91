package dev.primer.service.token;

import dev.primer.service.auth.Roles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bin/primer token --user ID --role ROLE [--ttl DURATION]}: prints a token signed with the
 * development key. For demos and tests only: the development key is public.
 */
public final class TokenCli {
  private static final Set<String> ROLES =
      Set.of(Roles.DEVICE, Roles.ADMIN, Roles.DATA_SCIENTIST, Roles.INTEGRATOR);

  private static final String USAGE =
      """
      Usage: bin/primer token --user ID --role ROLE [--role ROLE...] [--ttl DURATION]
                              [--issuer URI] [--key PEM]
      Prints a bearer token signed with the development key (NOT for production).
        --user ID        the token's subject (a user id, e.g. u0001)
        --role ROLE      device, admin, data-scientist or integrator (repeat or comma-separate)
        --ttl DURATION   how long it is valid: 30m, 12h, 7d or ISO-8601 (PT12H); default 12h
        --issuer URI     default $PRIMER_JWT_ISSUER or https://primer.dev/issuer
        --audience AUD   the aud claim; default $PRIMER_JWT_AUDIENCE or primer
        --key PEM        PKCS#8 private key; default $PRIMER_JWT_PRIVATE_KEY or
                         priming-service/dev-keys/dev-private.pem
      """;

  private TokenCli() {}

  /** Runs the command; exit code 0 ok, 1 failure, 2 bad usage. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String user = null;
    List<String> roles = new ArrayList<>();
    Duration ttl = Duration.ofHours(12);
    String issuer = env("PRIMER_JWT_ISSUER", Tokens.DEV_ISSUER);
    String audience = env("PRIMER_JWT_AUDIENCE", Tokens.DEFAULT_AUDIENCE);
    String key = env("PRIMER_JWT_PRIVATE_KEY", "priming-service/dev-keys/dev-private.pem");
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "-h", "--help" -> {
            out.print(USAGE);
            return 0;
          }
          case "--user" -> user = value(args, ++i, arg);
          case "--role" -> {
            for (String role : value(args, ++i, arg).split(",")) {
              if (!ROLES.contains(role.strip())) {
                throw new IllegalArgumentException(
                    "--role must be one of device, admin, data-scientist, integrator, was '"
                        + role
                        + "'");
              }
              roles.add(role.strip());
            }
          }
          case "--ttl" -> ttl = duration(value(args, ++i, arg));
          case "--issuer" -> issuer = value(args, ++i, arg);
          case "--audience" -> audience = value(args, ++i, arg);
          case "--key" -> key = value(args, ++i, arg);
          default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
        }
      }
      if (user == null || user.isBlank()) {
        throw new IllegalArgumentException("--user is required");
      }
      if (roles.isEmpty()) {
        throw new IllegalArgumentException("--role is required");
      }
    } catch (IllegalArgumentException e) {
      err.println("token: " + e.getMessage() + " (see --help)");
      return 2;
    }
    try {
      out.println(
          new TokenSigner(Tokens.readPrivateKey(Path.of(key)), issuer, audience)
              .mint(user, roles, Instant.now(), ttl));
      return 0;
    } catch (RuntimeException e) {
      err.println("token: " + e.getMessage());
      return 1;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** Parses 30m, 12h, 7d, 90s or an ISO-8601 duration. */
  static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.startsWith("p")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        d =
            switch (t.charAt(t.length() - 1)) {
              case 's' -> Duration.ofSeconds(n);
              case 'm' -> Duration.ofMinutes(n);
              case 'h' -> Duration.ofHours(n);
              case 'd' -> Duration.ofDays(n);
              default -> throw new NumberFormatException();
            };
      }
    } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "--ttl must look like 30m, 12h, 7d or PT12H, was '" + text + "'", e);
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("--ttl must be > 0, was '" + text + "'");
    }
    return d;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

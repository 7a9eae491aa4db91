package dev.primer.e2e;

import dev.primer.protocol.client.PrimerClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drills' view of the API: any request, as it comes back (status, content type, body text),
 * through the protocol's client, so the drills speak the wire exactly as the agent does.
 */
final class Http {
  /** How long an answer may stall before the drill calls it a hang. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);

  /** Largest answer a drill reads. */
  private static final long MAX_ANSWER = 1L << 30;

  private final URI base;
  private final Map<String, PrimerClient> byToken = new ConcurrentHashMap<>();

  Http(String base) {
    this.base = URI.create(base);
  }

  /** What came back. */
  record Answer(int status, String contentType, String body) {
    boolean isProblem() {
      return contentType.startsWith("application/problem+json")
          && body.contains("\"status\"")
          && body.contains("\"title\"");
    }
  }

  Answer send(String method, String path, String token, Map<String, String> headers, byte[] body) {
    PrimerClient client =
        byToken.computeIfAbsent(
            token,
            t ->
                PrimerClient.builder(base)
                    .token(t)
                    .answerTimeout(ANSWER_TIMEOUT)
                    .readTimeout(ANSWER_TIMEOUT)
                    .build());
    try {
      return answer(client.exchange(method, path, headers, body, MAX_ANSWER));
    } catch (UncheckedIOException closed) {
      // The service closes a connection after refusing an oversized body; the JDK client may
      // still hand that pooled connection to the next request, which then fails before the
      // service ever sees it. One fresh attempt tells that apart from a real failure.
      try {
        return answer(client.exchange(method, path, headers, body, MAX_ANSWER));
      } catch (UncheckedIOException e) {
        e.addSuppressed(closed);
        throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e.getCause());
      }
    }
  }

  private static Answer answer(PrimerClient.Exchange e) {
    return new Answer(e.status(), e.header("Content-Type"), e.text());
  }

  Answer send(String method, String path, String token, String contentType, String body) {
    return send(
        method,
        path,
        token,
        contentType.isEmpty() ? Map.of() : Map.of("Content-Type", contentType),
        body.getBytes(StandardCharsets.UTF_8));
  }

  Answer get(String path, String token) {
    return send("GET", path, token, Map.of(), new byte[0]);
  }
}

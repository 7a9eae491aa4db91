package dev.primer.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A small HTTP client for the drills: every call returns status, content type and body text. */
final class Http {
  /** How long a whole answer, body included, may take before the drill calls it a hang. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);

  // HTTP/1.1 as the agent speaks it: the JDK default upgrades cleartext connections to HTTP/2,
  // and one drill once stalled for twenty minutes on an HTTP/2 answer cut after its headers.
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;

  Http(String base) {
    this.base = base;
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
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    HttpRequest built = request.build();
    try {
      return answer(built);
    } catch (IOException closed) {
      // The service closes a connection after refusing an oversized body; the JDK client may
      // still hand that pooled connection to the next request, which then fails before the
      // service ever sees it. One fresh attempt tells that apart from a real failure.
      try {
        return answer(built);
      } catch (IOException e) {
        e.addSuppressed(closed);
        throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
      }
    }
  }

  private Answer answer(HttpRequest request) throws IOException {
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> response = pending.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          new String(response.body(), StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new IllegalStateException(
          request.method() + " " + request.uri() + ": no whole answer within " + ANSWER_TIMEOUT, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(request.method() + " " + request.uri(), e.getCause());
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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

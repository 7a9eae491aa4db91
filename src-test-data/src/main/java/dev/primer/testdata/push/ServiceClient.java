package dev.primer.testdata.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** The few calls the push makes to a priming-service, each failing with one readable line. */
final class ServiceClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI server;
  private final String token;

  ServiceClient(URI server, String token, int parallel) {
    this.server = server;
    this.token = token;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, parallel)))
            .build();
  }

  /** POST a gzip NDJSON chunk to an import; answers the service's counts. */
  JsonNode importChunk(String kind, byte[] gzipped) {
    return json(
        send(
            request("/v1/import/" + kind)
                .header("Content-Type", "application/x-ndjson")
                .header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofByteArray(gzipped))));
  }

  /** PUT a JSON body. */
  JsonNode putJson(String path, String body) {
    return json(
        send(
            request(path)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(body))));
  }

  /** PUT a calendar. */
  JsonNode putCalendar(String userId, String ics) {
    return json(
        send(
            request("/v1/users/" + userId + "/calendar")
                .header("Content-Type", "text/calendar")
                .PUT(BodyPublishers.ofString(ics))));
  }

  /** PUT small record content. */
  JsonNode putContent(String recordId, byte[] body) {
    return json(
        send(
            request("/v1/records/" + recordId + "/content")
                .header("Content-Type", "application/octet-stream")
                .PUT(BodyPublishers.ofByteArray(body))));
  }

  /** PUT record content of a known length, streamed. */
  JsonNode putContent(String recordId, Supplier<InputStream> body, long length) {
    BodyPublisher publisher =
        BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(body), length);
    return json(
        send(
            request("/v1/records/" + recordId + "/content")
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(10))
                .PUT(publisher)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(server.resolve(path))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    HttpResponse<String> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PushException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PushException("interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new PushException(
          built.method()
              + " "
              + built.uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + problem(response.body())
              + hint(response.statusCode()));
    }
    return response;
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> " (is the token valid and unexpired?)";
      case 403 ->
          " (the push needs a token with roles integrator and admin: bin/primer token --user loader --role integrator,admin)";
      default -> "";
    };
  }

  private static String problem(String body) {
    try {
      JsonNode p = JSON.readTree(body);
      if (p.hasNonNull("detail")) {
        return p.get("detail").asText();
      }
    } catch (IOException e) {
      // Not a problem document: show the start of whatever came back.
    }
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the service answered something that is not JSON", e);
    }
  }
}

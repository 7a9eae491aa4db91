package dev.primer.training.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.cli.CommandLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/primer publish}: uploads a model bundle to a service's registry. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Upload a model bundle to a priming-service's model registry and print its answer.",
      "The first model becomes active when none is; later ones only with --activate.",
      "The token needs role data-scientist (bin/primer token --user me --role data-scientist)."
    })
final class PublishCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "BUNDLE.zip",
      description = "The bundle.")
  Path model;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "The service, e.g. http://localhost:8080.")
  URI server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "Bearer token (default: $PRIMER_TOKEN).")
  String token;

  @Option(names = "--activate", description = "Make the uploaded model the active one.")
  boolean activate;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException("--model " + model + " is not a file");
    }
    String bearer = token != null ? token : System.getenv("PRIMER_TOKEN");
    if (bearer == null || bearer.isBlank()) {
      throw new IllegalArgumentException("--token is required (or set PRIMER_TOKEN)");
    }
    if (server.getScheme() == null || !server.getScheme().startsWith("http")) {
      throw new IllegalArgumentException("--server must be an http(s) URL, was '" + server + "'");
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    JsonNode entry =
        send(
            http,
            HttpRequest.newBuilder(server.resolve("/v1/models"))
                .header("Authorization", "Bearer " + bearer.strip())
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofFile(model))
                .build());
    if (activate && !entry.path("active").asBoolean()) {
      entry =
          send(
              http,
              HttpRequest.newBuilder(
                      server.resolve("/v1/models/" + entry.path("id").asText() + "/activate"))
                  .header("Authorization", "Bearer " + bearer.strip())
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());
    }
    spec.commandLine()
        .getOut()
        .println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entry));
    return CommandLines.OK;
  }

  private static JsonNode send(HttpClient http, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IllegalStateException(
          "cannot connect to " + request.uri() + " (is the service running there?)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    JsonNode body;
    try {
      body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          request.uri()
              + " answered "
              + response.statusCode()
              + " with something that is not JSON");
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "the registry refused the request ("
              + response.statusCode()
              + "): "
              + body.path("detail").asText(response.body()));
    }
    return body;
  }
}

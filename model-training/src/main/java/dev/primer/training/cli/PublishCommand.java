package dev.primer.training.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.cli.CommandLines;
import dev.primer.protocol.client.PrimerClient;
import dev.primer.protocol.client.ServiceException;
import dev.primer.protocol.model.ModelEvaluation;
import dev.primer.training.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = {
        "Attach the evaluation report bin/primer evaluate --report wrote in DIR",
        "(its evaluation.json), which the admin console plots on the models page."
      })
  Path report;

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
    Optional<String> evaluation = evaluation();
    PrimerClient client = PrimerClient.builder(server).token(bearer.strip()).build();
    JsonNode entry;
    try {
      entry = client.publishModel(model);
      if (evaluation.isPresent()) {
        entry = client.attachEvaluation(entry.path("id").asText(), evaluation.get());
      }
      if (activate && !entry.path("active").asBoolean()) {
        entry = client.activateModel(entry.path("id").asText());
      }
    } catch (ServiceException e) {
      throw new IllegalStateException(
          "the registry refused the request (" + e.status() + "): " + e.problem().explanation(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    spec.commandLine()
        .getOut()
        .println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entry));
    return CommandLines.OK;
  }

  /** The report's evaluation.json, read and checked before anything is uploaded. */
  private Optional<String> evaluation() throws IOException {
    if (report == null) {
      return Optional.empty();
    }
    Path file = report.resolve(ReportWriter.EVALUATION_JSON);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "--report "
              + report
              + " holds no "
              + ReportWriter.EVALUATION_JSON
              + " (write it with bin/primer evaluate --report "
              + report
              + ")");
    }
    String text = Files.readString(file);
    try {
      JSON.readValue(text, ModelEvaluation.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "--report " + file + " is no evaluation report: " + e.getOriginalMessage(), e);
    }
    return Optional.of(text);
  }
}

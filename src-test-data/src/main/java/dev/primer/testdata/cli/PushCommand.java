package dev.primer.testdata.cli;

import dev.primer.core.cli.CommandLines;
import dev.primer.testdata.push.ContentPolicy;
import dev.primer.testdata.push.Pusher;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/primer data push}: loads a data set into a running priming-service. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Load a data set into a priming-service through its API: users, territories, accounts,",
      "records, interactions, calendars, then generated record content. Safe to run again:",
      "every step is an idempotent upsert. The token needs roles integrator and admin",
      "(bin/primer token --user loader --role integrator,admin)."
    })
final class PushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Data set directory.")
  Path data;

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

  @Option(
      names = "--content",
      defaultValue = "small",
      description =
          "all, small (every small record's content, large content only for --large-for-users) or none. Default: ${DEFAULT-VALUE}.")
  String content;

  @Option(
      names = "--large-for-users",
      paramLabel = "IDS",
      split = ",",
      description =
          "Users (comma-separated) whose accounts' large content is pushed with --content small.")
  String[] largeForUsers = new String[0];

  @Option(
      names = "--parallel",
      defaultValue = "8",
      description = "Content uploads at once. Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Option(
      names = "--chunk-lines",
      defaultValue = "5000",
      description = "NDJSON lines per import request. Default: ${DEFAULT-VALUE}.")
  int chunkLines;

  @Option(
      names = "--content-chunk",
      defaultValue = "500",
      description = "Small records' content per import request. Default: ${DEFAULT-VALUE}.")
  int contentChunk;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(data.resolve("users.jsonl"))) {
      throw new IllegalArgumentException("--data " + data + " holds no data set (no users.jsonl)");
    }
    String bearer = token != null ? token : System.getenv("PRIMER_TOKEN");
    if (bearer == null || bearer.isBlank()) {
      throw new IllegalArgumentException("--token is required (or set PRIMER_TOKEN)");
    }
    if (server.getScheme() == null || !server.getScheme().startsWith("http")) {
      throw new IllegalArgumentException("--server must be an http(s) URL, was '" + server + "'");
    }
    if (parallel < 1 || parallel > 64) {
      throw new IllegalArgumentException("--parallel must be within [1, 64], was " + parallel);
    }
    if (contentChunk < 1) {
      throw new IllegalArgumentException("--content-chunk must be >= 1, was " + contentChunk);
    }
    if (chunkLines < 1) {
      throw new IllegalArgumentException("--chunk-lines must be >= 1, was " + chunkLines);
    }
    Set<String> users =
        Arrays.stream(largeForUsers)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    Pusher.Settings settings =
        new Pusher.Settings(
            data,
            server,
            bearer.strip(),
            ContentPolicy.parse(content),
            users,
            parallel,
            chunkLines,
            contentChunk,
            quiet);
    boolean clean =
        new Pusher(settings, spec.commandLine().getOut(), spec.commandLine().getErr()).push();
    return clean ? CommandLines.OK : CommandLines.FAILURE;
  }
}

package dev.primer.service.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.RejectedLine;
import dev.primer.service.storable.StorableInstant;
import dev.primer.service.storable.StorableText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a telemetry NDJSON body: good events, and the bad lines with their numbers and reasons. */
public final class TelemetryParser {
  private static final int MAX_ID = StorableText.MAX_ID;
  private static final int MAX_QUERY = StorableText.MAX_TEXT;

  private final ObjectMapper json;

  public TelemetryParser(ObjectMapper json) {
    this.json = json;
  }

  /** Everything read from a body. */
  public record Parsed(List<TelemetryEvent> events, List<RejectedLine> rejected) {}

  /** Reads every line; blank lines are skipped. */
  public Parsed parse(InputStream body) throws IOException {
    List<TelemetryEvent> events = new ArrayList<>();
    List<RejectedLine> rejected = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    int n = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        events.add(event(line, n));
      } catch (IllegalArgumentException e) {
        rejected.add(new RejectedLine(n, e.getMessage()));
      }
    }
    return new Parsed(events, rejected);
  }

  private TelemetryEvent event(String line, int n) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String eventId = text(node, "eventId", MAX_ID);
    String recordId = text(node, "recordId", MAX_ID);
    OffsetDateTime at;
    try {
      at = OffsetDateTime.parse(text(node, "at", 64));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "at must be an ISO-8601 time with offset, was '" + node.get("at").asText() + "'");
    }
    Optional<String> badTime = StorableInstant.problem(at);
    if (badTime.isPresent()) {
      throw new IllegalArgumentException("at " + badTime.get());
    }
    String kind = text(node, "kind", 16);
    if (!kind.equals("hit") && !kind.equals("miss")) {
      throw new IllegalArgumentException("kind must be hit or miss, was '" + kind + "'");
    }
    Optional<String> query = Optional.empty();
    JsonNode q = node.get("query");
    if (q != null && !q.isNull()) {
      if (!q.isTextual() || q.asText().length() > MAX_QUERY) {
        throw new IllegalArgumentException(
            "query must be a string of at most " + MAX_QUERY + " characters");
      }
      StorableText.problem(q.asText(), MAX_QUERY)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException("query " + p);
              });
      query = Optional.of(q.asText());
    }
    return new TelemetryEvent(eventId, recordId, at, kind, query, n);
  }

  private static String text(JsonNode node, String field, int max) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(field + " is required (a string)");
    }
    if (v.asText().length() > max) {
      throw new IllegalArgumentException(field + " must be at most " + max + " characters");
    }
    StorableText.problem(v.asText(), max)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(field + " " + p);
            });
    return v.asText();
  }
}

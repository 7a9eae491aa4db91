package dev.primer.service.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.stream.Collectors;

/**
 * Says what is wrong with some JSON in words a client understands: Jackson's own messages name Java
 * classes, which must never reach a client.
 */
public final class JsonErrors {
  private JsonErrors() {}

  /** A one-line description of why {@code e} happened, without class names. */
  public static String describe(Throwable e) {
    if (e instanceof JsonParseException p) {
      return "not valid JSON"
          + (p.getLocation() == null ? "" : " at column " + p.getLocation().getColumnNr())
          + ": "
          + firstLine(p.getOriginalMessage());
    }
    if (e instanceof ValueInstantiationException v) {
      // The record's constructor refused the value: its message is ours, e.g. "sizeBytes must be >
      // 0".
      Throwable cause = v.getCause() == null ? v : v.getCause();
      String path = path(v);
      String message = firstLine(cause.getMessage());
      return path.isEmpty() ? message : path + ": " + message;
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    if (e instanceof InvalidFormatException f) {
      return path(f) + ": value '" + f.getValue() + "' is not valid here";
    }
    if (e instanceof MismatchedInputException m) {
      String path = path(m);
      return path.isEmpty() ? "wrong JSON shape" : path + ": missing or of the wrong type";
    }
    if (e instanceof JsonMappingException m && m.getCause() != null && m.getCause() != m) {
      String path = path(m);
      String message = firstLine(m.getCause().getMessage());
      return path.isEmpty() ? message : path + ": " + message;
    }
    if (e instanceof JsonProcessingException p) {
      return "cannot read JSON: " + firstLine(p.getOriginalMessage());
    }
    return firstLine(e.getMessage());
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "invalid value";
    }
    String line = message.lines().findFirst().orElse("").strip();
    // Jackson quotes Java types in backticks; keep their simple names only.
    return line.replaceAll("`(?:[a-z0-9_]+\\.)+([A-Za-z0-9_$]+)`", "$1");
  }
}

package dev.primer.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads and writes one JSON object per line, reporting a bad line by its number. */
public final class Jsonl {
  private Jsonl() {}

  /** Calls {@code sink} for every line of {@code file} in order, skipping blank lines. */
  public static <T> void forEach(Path file, Class<T> type, Consumer<? super T> sink) {
    ObjectReader reader = DataSetJson.mapper().readerFor(type);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        T value;
        try {
          value = reader.readValue(line);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          throw new DataSetFormatException(file, lineNumber, describe(e), e);
        }
        sink.accept(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : root.getMessage();
    return message == null
        ? root.getClass().getSimpleName()
        : message.lines().findFirst().orElse("");
  }

  /** Opens {@code file} for writing one value per line. */
  public static <T> Writer<T> writer(Path file, Class<T> type) {
    try {
      return new Writer<>(
          Files.newBufferedWriter(file, StandardCharsets.UTF_8),
          DataSetJson.mapper().writerFor(type));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Appends values as lines; close it to flush. */
  public static final class Writer<T> implements Closeable {
    private final BufferedWriter out;
    private final ObjectWriter json;
    private long count;

    private Writer(BufferedWriter out, ObjectWriter json) {
      this.out = out;
      this.json = json;
    }

    /** Writes one value as one line. */
    public void write(T value) {
      try {
        out.write(json.writeValueAsString(value));
        out.write('\n');
        count++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** How many values have been written. */
    public long count() {
      return count;
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

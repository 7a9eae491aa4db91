package dev.primer.territory.cli;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.NamedPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a points file: CSV (RFC 4180 quoting) with a header naming the columns {@code id}, {@code
 * lat} and {@code lon} in any order, other columns ignored. A bad row is reported with its line
 * number and skipped; blank lines are skipped silently.
 */
final class PointsCsv {
  /** A plain decimal number: no NaN, no Infinity, no hexadecimal, no type suffix. */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** The points read, in file order, and one problem per bad row. */
  record Result(List<NamedPoint> points, List<RowProblem> problems) {}

  /** A row that could not be read. */
  record RowProblem(long line, String message) {}

  private PointsCsv() {}

  static Result read(Path file) {
    GeoJsonInput.requireFile(file);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.getFileName().toString());
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot read it: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw CliException.failure(file + ": cannot read it: " + e.getCause().getMessage());
    }
  }

  static Result read(BufferedReader in, String name) throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw CliException.failure(name + ":1: empty file, expected the header id,lat,lon");
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1); // a byte order mark from spreadsheet exports
    }
    Columns columns = Columns.of(header, name);
    List<NamedPoint> points = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    long lineNumber = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        points.add(parseRow(line, columns));
      } catch (BadRow e) {
        problems.add(new RowProblem(lineNumber, e.getMessage()));
      }
    }
    return new Result(points, problems);
  }

  private static NamedPoint parseRow(String line, Columns columns) throws BadRow {
    List<String> fields = split(line).orElseThrow(() -> new BadRow("unterminated quoted field"));
    if (fields.size() < columns.count) {
      throw new BadRow(
          "expected " + columns.count + " fields like the header, found " + fields.size());
    }
    String id = fields.get(columns.id).strip();
    if (id.isEmpty()) {
      throw new BadRow("empty id");
    }
    String latText = fields.get(columns.lat).strip();
    String lonText = fields.get(columns.lon).strip();
    if (!NUMBER.matcher(latText).matches()) {
      throw new BadRow("lat '" + latText + "' is not a number");
    }
    if (!NUMBER.matcher(lonText).matches()) {
      throw new BadRow("lon '" + lonText + "' is not a number");
    }
    double lat = Double.parseDouble(latText);
    double lon = Double.parseDouble(lonText);
    if (!GeoPoint.isValid(lat, lon)) {
      String hint =
          Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90
              ? "; lat and lon look swapped"
              : "";
      throw new BadRow(
          "lat "
              + latText
              + ", lon "
              + lonText
              + " is not a position (lat within [-90, 90], lon within [-180, 180])"
              + hint);
    }
    return new NamedPoint(id, new GeoPoint(lat, lon));
  }

  /** What is wrong with one row; the row is skipped and the reading goes on. */
  private static final class BadRow extends Exception {
    private static final long serialVersionUID = 1L;

    BadRow(String message) {
      super(message, null, false, false); // no stack trace: it is data, not a bug
    }
  }

  /** The fields of one line, unquoted; empty when a quoted field is not closed. */
  static Optional<List<String>> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return Optional.empty();
    }
    fields.add(field.toString());
    return Optional.of(fields);
  }

  /** A field as CSV: quoted when it holds a comma, quote or line break. */
  static String quote(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /** Where the id, lat and lon columns are. */
  private record Columns(int id, int lat, int lon, int count) {
    static Columns of(String header, String name) {
      List<String> names =
          split(header)
              .orElseThrow(() -> CliException.failure(name + ":1: unterminated quoted header"))
              .stream()
              .map(column -> column.strip().toLowerCase(Locale.ROOT))
              .toList();
      int id = names.indexOf("id");
      int lat = names.indexOf("lat");
      int lon = names.indexOf("lon");
      if (id < 0 || lat < 0 || lon < 0) {
        throw CliException.failure(
            name + ":1: expected the header id,lat,lon, found '" + header + "'");
      }
      return new Columns(id, lat, lon, Math.max(id, Math.max(lat, lon)) + 1);
    }
  }
}

package dev.primer.territory.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.NamedPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a points file: CSV (RFC 4180, parsed by jackson-dataformat-csv) with a header naming the
 * columns {@code id}, {@code lat} and {@code lon} in any order, other columns ignored. A bad row is
 * reported with the line it starts on and skipped; blank lines are skipped silently.
 */
final class PointsCsv {
  /** A plain decimal number: no NaN, no Infinity, no hexadecimal, no type suffix. */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final CsvFactory CSV = new CsvFactory();

  /** The points read, in file order, and one problem per bad row. */
  record Result(List<NamedPoint> points, List<RowProblem> problems) {}

  /** A row that could not be read. */
  record RowProblem(long line, String message) {}

  private PointsCsv() {}

  static Result read(Path file) {
    GeoJsonInput.requireFile(file);
    String name = file.getFileName().toString();
    List<NamedPoint> points = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    try {
      Optional<Columns> columns = Optional.empty();
      long resumeAt = 1;
      do {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          skipLines(in, resumeAt - 1);
          Rows rows = new Rows(CSV.createParser(in), resumeAt - 1);
          if (columns.isEmpty()) {
            columns = Optional.of(Columns.of(rows, name));
          }
          resumeAt = readRows(rows, columns.get(), points, problems);
        }
      } while (resumeAt > 0);
    } catch (IOException e) {
      throw CliException.failure(file + ": cannot read it: " + e.getMessage());
    }
    return new Result(points, problems);
  }

  /**
   * Reads rows until the end, or until a row is not CSV at all (an unclosed quote reads on to the
   * end of the file): then that row is a problem and the reading resumes on the line after the one
   * it started on, as a person fixing the file would expect.
   *
   * @return the line to resume on, or 0 at the end of the file
   */
  private static long readRows(
      Rows rows, Columns columns, List<NamedPoint> points, List<RowProblem> problems)
      throws IOException {
    while (true) {
      Optional<Row> row;
      try {
        row = rows.next();
      } catch (NotCsv e) {
        problems.add(new RowProblem(e.line, e.getMessage()));
        return e.line + 1;
      }
      if (row.isEmpty()) {
        return 0;
      }
      if (row.get().isBlank()) {
        continue;
      }
      try {
        points.add(parseRow(row.get().fields(), columns));
      } catch (BadRow e) {
        problems.add(new RowProblem(row.get().line(), e.getMessage()));
      }
    }
  }

  private static void skipLines(BufferedReader in, long lines) throws IOException {
    for (long i = 0; i < lines && in.readLine() != null; i++) {
      // only counting
    }
  }

  private static NamedPoint parseRow(List<String> fields, Columns columns) throws BadRow {
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

  /** One row's fields and the line it starts on. */
  private record Row(long line, List<String> fields) {
    boolean isBlank() {
      return fields.isEmpty() || (fields.size() == 1 && fields.get(0).isBlank());
    }
  }

  /** A row that is not CSV at all, with the line it starts on. */
  private static final class NotCsv extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    NotCsv(long line, JsonProcessingException cause) {
      super(
          cause.getOriginalMessage().startsWith("Missing closing quote")
              ? "unterminated quoted field"
              : "not CSV: " + cause.getOriginalMessage(),
          null,
          false,
          false);
      this.line = line;
    }
  }

  /**
   * The rows of a CSV text, read by Jackson (without a schema it gives each row as an array of
   * strings), numbered by the lines of the whole file.
   */
  private static final class Rows {
    private final CsvParser parser;
    private final long linesBefore;

    Rows(CsvParser parser, long linesBefore) {
      this.parser = parser;
      this.linesBefore = linesBefore;
    }

    Optional<Row> next() throws IOException, NotCsv {
      // Between rows Jackson stands at the start of the next line (1-based); the row's own token
      // location is counted differently, so the line is taken here.
      long line = linesBefore + Math.max(1, parser.currentLocation().getLineNr());
      try {
        JsonToken token = parser.nextToken();
        if (token == null) {
          return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        for (token = parser.nextToken();
            token == JsonToken.VALUE_STRING;
            token = parser.nextToken()) {
          fields.add(parser.getText());
        }
        return Optional.of(new Row(line, fields));
      } catch (JsonProcessingException e) {
        throw new NotCsv(line, e);
      }
    }
  }

  /** Where the id, lat and lon columns are. */
  private record Columns(int id, int lat, int lon, int count) {
    static Columns of(Rows rows, String name) throws IOException {
      List<String> header;
      try {
        header =
            rows.next()
                .orElseThrow(
                    () ->
                        CliException.failure(
                            name + ":1: empty file, expected the header id,lat,lon"))
                .fields();
      } catch (NotCsv e) {
        throw CliException.failure(
            name + ":1: " + e.getMessage().replace("quoted field", "quoted header"));
      }
      List<String> names = new ArrayList<>();
      for (String column : header) {
        // a byte order mark from spreadsheet exports
        String plain =
            names.isEmpty() && column.startsWith("\uFEFF") ? column.substring(1) : column;
        names.add(plain.strip().toLowerCase(Locale.ROOT));
      }
      int id = names.indexOf("id");
      int lat = names.indexOf("lat");
      int lon = names.indexOf("lon");
      if (id < 0 || lat < 0 || lon < 0) {
        throw CliException.failure(
            name
                + ":1: expected the header id,lat,lon, found '"
                + String.join(",", header).replace("\uFEFF", "")
                + "'");
      }
      return new Columns(id, lat, lon, Math.max(id, Math.max(lat, lon)) + 1);
    }
  }
}

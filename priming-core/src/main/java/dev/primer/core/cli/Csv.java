package dev.primer.core.cli;

/** RFC 4180 fields: quoted when they hold a comma, quote or line break, quotes doubled. */
final class Csv {
  private Csv() {}

  static String field(String value) {
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}

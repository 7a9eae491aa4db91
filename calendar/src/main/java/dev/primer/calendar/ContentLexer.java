package dev.primer.calendar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns iCalendar text into content lines (RFC 5545 section 3.1): unfolds CRLF, LF or CR line
 * breaks followed by a space or tab, splits name, parameters and value, and keeps the physical line
 * number of each so that problems can name it.
 */
final class ContentLexer {
  /** A logical line before it is split, with the physical line it starts on. */
  record RawLine(int line, String text) {}

  private ContentLexer() {}

  static List<RawLine> unfold(String text) {
    List<RawLine> out = new ArrayList<>();
    StringBuilder current = null;
    int currentLine = 0;
    int lineNo = 0;
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int n = text.length();
    while (i < n) {
      int end = i;
      while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      lineNo++;
      if (end > i && (text.charAt(i) == ' ' || text.charAt(i) == '\t') && current != null) {
        current.append(text, i + 1, end);
      } else {
        if (current != null) {
          out.add(new RawLine(currentLine, current.toString()));
          current = null;
        }
        if (!text.substring(i, end).isBlank()) {
          current = new StringBuilder(text.substring(i, end));
          currentLine = lineNo;
        }
      }
      if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
        end++;
      }
      i = end + 1;
    }
    if (current != null) {
      out.add(new RawLine(currentLine, current.toString()));
    }
    return out;
  }

  /** Splits one logical line, reporting what it had to repair or could not read. */
  static Optional<ContentLine> parse(RawLine raw, Consumer<Problem> problems) {
    String s = raw.text();
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) != ';' && s.charAt(i) != ':') {
      i++;
    }
    String name = s.substring(0, i).trim().toUpperCase(Locale.ROOT);
    if (name.isEmpty() || !isName(name) || i == n) {
      problems.accept(
          new Problem(
              raw.line(),
              "",
              "not a NAME:value line (a continuation without its leading space?): '"
                  + abbreviate(s)
                  + "'; ignored"));
      return Optional.empty();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    String lastQuoted = null;
    String lastQuotedParam = null;
    while (i < n && s.charAt(i) == ';') {
      int nameStart = ++i;
      while (i < n && s.charAt(i) != '=' && s.charAt(i) != ';' && s.charAt(i) != ':') {
        i++;
      }
      String paramName = s.substring(nameStart, i).trim().toUpperCase(Locale.ROOT);
      List<String> values = params.computeIfAbsent(paramName, k -> new ArrayList<>());
      if (i >= n || s.charAt(i) != '=') {
        continue;
      }
      do {
        i++;
        if (i < n && s.charAt(i) == '"') {
          int close = s.indexOf('"', i + 1);
          if (close < 0) {
            problems.accept(
                new Problem(raw.line(), name, "parameter " + paramName + " has no closing quote"));
            return Optional.empty();
          }
          lastQuoted = s.substring(i + 1, close);
          lastQuotedParam = paramName;
          values.add(decodeCaret(lastQuoted));
          i = close + 1;
        } else {
          int start = i;
          while (i < n && s.charAt(i) != ',' && s.charAt(i) != ';' && s.charAt(i) != ':') {
            i++;
          }
          values.add(decodeCaret(s.substring(start, i).trim()));
          lastQuoted = null;
        }
      } while (i < n && s.charAt(i) == ',');
    }
    if (i < n && s.charAt(i) == ':') {
      return Optional.of(new ContentLine(raw.line(), name, params, s.substring(i + 1)));
    }
    if (lastQuoted != null && lastQuoted.lastIndexOf(':') > 0 && i == n) {
      // Outlook sometimes writes DTSTART;TZID="Zone:20200609T090000": the value ended up inside.
      int colon = lastQuoted.lastIndexOf(':');
      // lastQuoted is set only together with its parameter's values.
      List<String> values = Objects.requireNonNull(params.get(lastQuotedParam));
      values.set(values.size() - 1, lastQuoted.substring(0, colon));
      String value = lastQuoted.substring(colon + 1);
      problems.accept(
          new Problem(
              raw.line(),
              name,
              "value was inside the quoted "
                  + lastQuotedParam
                  + "; read as "
                  + lastQuotedParam
                  + "="
                  + lastQuoted.substring(0, colon)
                  + " and value "
                  + value));
      return Optional.of(new ContentLine(raw.line(), name, params, value));
    }
    problems.accept(new Problem(raw.line(), name, "no ':' before the value; ignored"));
    return Optional.empty();
  }

  private static boolean isName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret. */
  private static String decodeCaret(String value) {
    if (value.indexOf('^') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '^' && i + 1 < value.length()) {
        char next = value.charAt(i + 1);
        if (next == 'n' || next == 'N') {
          out.append('\n');
          i++;
          continue;
        }
        if (next == '\'') {
          out.append('"');
          i++;
          continue;
        }
        if (next == '^') {
          out.append('^');
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}

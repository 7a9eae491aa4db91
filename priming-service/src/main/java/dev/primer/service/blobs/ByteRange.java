package dev.primer.service.blobs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of a representation, inclusive at both ends, as HTTP Range asks for it
 * ({@code bytes=N-}, {@code bytes=N-M} or the suffix form {@code bytes=-K}).
 */
public record ByteRange(long first, long last) {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** How many bytes the range covers. */
  public long length() {
    return last - first + 1;
  }

  /** The Content-Range header value for a representation of {@code size} bytes. */
  public String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /** What a Range header asks of a representation of {@code size} bytes. */
  public sealed interface Request permits Whole, Partial, Unsatisfiable {}

  /** Serve the whole representation (no header, or one this server does not support). */
  public record Whole() implements Request {}

  /** Serve this range with 206. */
  public record Partial(ByteRange range) implements Request {}

  /** Answer 416: the range lies outside the representation. */
  public record Unsatisfiable() implements Request {}

  /**
   * Parses a Range header. Multiple ranges and other units are ignored (the whole representation is
   * served, as RFC 9110 allows); a syntactically valid range that starts past the end is
   * unsatisfiable.
   */
  public static Request parse(Optional<String> header, long size) {
    if (header.isEmpty()) {
      return new Whole();
    }
    Matcher m = SINGLE.matcher(header.get().trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new Whole();
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0 || size == 0) {
          return new Unsatisfiable();
        }
        return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
      if (last < first) {
        return new Whole();
      }
      if (first >= size) {
        return new Unsatisfiable();
      }
      return new Partial(new ByteRange(first, Math.min(last, size - 1)));
    } catch (NumberFormatException e) {
      // Digits too long for a long: no real representation is that large.
      return new Unsatisfiable();
    }
  }
}

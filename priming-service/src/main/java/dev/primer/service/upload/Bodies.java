package dev.primer.service.upload;

import dev.primer.service.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Opens upload bodies: decodes {@code Content-Encoding: gzip} and applies the size limit. */
public final class Bodies {
  private Bodies() {}

  /**
   * The decoded body, limited to {@code limit} decoded bytes; {@code what} names it in errors.
   *
   * @param contentEncoding the Content-Encoding header, or null
   */
  public static InputStream open(InputStream raw, String contentEncoding, long limit, String what) {
    String encoding =
        contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    InputStream decoded =
        switch (encoding) {
          case "", "identity" -> raw;
          case "gzip", "x-gzip" -> gunzip(raw);
          default ->
              throw new ProblemException(
                  415,
                  "unsupported-encoding",
                  "Unsupported content encoding",
                  "Content-Encoding '" + contentEncoding + "' is not supported; use gzip or none");
        };
    return BoundedInput.of(decoded, limit, what);
  }

  private static InputStream gunzip(InputStream raw) {
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (IOException e) {
      throw new ProblemException(
          400,
          "invalid-gzip",
          "Invalid gzip body",
          "Content-Encoding says gzip but the body is not gzip: " + e.getMessage());
    }
  }
}

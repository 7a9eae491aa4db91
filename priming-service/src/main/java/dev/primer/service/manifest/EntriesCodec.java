package dev.primer.service.manifest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Entry lists as stored: a gzip-compressed JSON array (a few hundred KB become tens). */
public final class EntriesCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<ManifestEntry>> LIST = new TypeReference<>() {};

  private EntriesCodec() {}

  /** gzip at the fastest level: entry lists are written on every selection, read far less. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  /** The stored form of {@code entries}. */
  public static byte[] encode(List<ManifestEntry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 64 + 64);
    try (OutputStream out = new FastGzip(bytes)) {
      JSON.writeValue(out, entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The entries of a stored form. */
  public static List<ManifestEntry> decode(byte[] stored) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
      return List.copyOf(JSON.readValue(in, LIST));
    } catch (IOException e) {
      throw new UncheckedIOException("stored manifest entries do not read back", e);
    }
  }
}

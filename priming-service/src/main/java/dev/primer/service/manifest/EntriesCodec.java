package dev.primer.service.manifest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.content.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Entry lists as stored: a compact binary layout, its text compressed with LZ4. Each selection of
 * the nightly precompute and each manifest computed on demand writes one (8,000 entries for a
 * medium user), so the layout avoids what made JSON slow there (field names, decimal doubles, hex
 * hashes), and LZ4 compresses the text in under a millisecond where deflate at its fastest level
 * took six, for a tenth more bytes. Lists stored deflated or as gzip JSON by earlier versions still
 * read.
 */
public final class EntriesCodec {
  /** First byte of the layout with its text LZ4-compressed, as written now. */
  private static final byte BINARY_LZ4 = 'Q';

  /** First byte of the layout with its text deflated (written until 2026-11); gzip JSON: 0x1f. */
  private static final byte BINARY_DEFLATE = 'P';

  private static final LZ4Factory LZ4_FACTORY = lz4();
  private static final LZ4Compressor LZ4 = LZ4_FACTORY.fastCompressor();
  private static final LZ4SafeDecompressor UNLZ4 = LZ4_FACTORY.safeDecompressor();

  /** Far above any real list (10,000 entries take about 1 MB), far below the heap. */
  private static final int MAX_RAW = 1 << 30;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<ManifestEntry>> LIST = new TypeReference<>() {};
  private static final HexFormat HEX = HexFormat.of();

  private EntriesCodec() {}

  /**
   * LZ4's native (JNI) build, else its Java one. {@code fastestInstance()} would not try the native
   * one here: it does only when loaded by the system class loader, and Quarkus loads the service
   * with its own. The Java build took 4 to 5 ms for a medium user's list, the native one a quarter
   * of a millisecond.
   */
  private static LZ4Factory lz4() {
    try {
      return LZ4Factory.nativeInstance();
    } catch (LinkageError | RuntimeException e) {
      return LZ4Factory.fastestJavaInstance();
    }
  }

  /**
   * Entries as stored, with a SHA-256 of their uncompressed layout, made in one pass.
   *
   * @param stored what {@link #encode} returns
   * @param digest SHA-256 over every field of every entry (the layout before compression)
   */
  public record Packed(byte[] stored, byte[] digest) {}

  /** The stored form of {@code entries}. */
  public static byte[] encode(List<ManifestEntry> entries) {
    return pack(entries).stored();
  }

  /**
   * The stored form of {@code entries} and its digest. Stored: a marker byte, the lengths of the
   * two parts, the hashes as they are (random bytes do not compress, and compressing them only
   * costs time), then the rest compressed.
   */
  public static Packed pack(List<ManifestEntry> entries) {
    Layout layout = Layout.of(entries);
    MessageDigest sha256 = Sha256.newDigest();
    sha256.update(layout.text());
    sha256.update(layout.hashes());
    int head = 9 + layout.hashes().length;
    byte[] out = new byte[head + LZ4.maxCompressedLength(layout.text().length)];
    out[0] = BINARY_LZ4;
    ByteBuffer.wrap(out, 1, 8).putInt(layout.text().length).putInt(layout.hashes().length);
    System.arraycopy(layout.hashes(), 0, out, 9, layout.hashes().length);
    int n = head + LZ4.compress(layout.text(), 0, layout.text().length, out, head);
    return new Packed(Arrays.copyOf(out, n), sha256.digest());
  }

  /** The entries of a stored form. */
  public static List<ManifestEntry> decode(byte[] stored) {
    if (stored.length < 9 || (stored[0] != BINARY_LZ4 && stored[0] != BINARY_DEFLATE)) {
      return decodeJson(stored);
    }
    try {
      ByteBuffer head = ByteBuffer.wrap(stored, 1, 8);
      int textLength = head.getInt();
      int hashesLength = head.getInt();
      if (textLength < 0 || textLength > MAX_RAW || hashesLength < 0) {
        throw new IOException("announced lengths out of range");
      }
      ByteBuffer hashes = ByteBuffer.wrap(stored, 9, hashesLength).slice();
      int from = 9 + hashesLength;
      byte[] text =
          stored[0] == BINARY_LZ4
              ? unlz4(stored, from, textLength)
              : inflate(stored, from, textLength);
      return Layout.read(ByteBuffer.wrap(text), hashes);
    } catch (IOException | DataFormatException | RuntimeException e) {
      throw new UncheckedIOException(
          "stored manifest entries do not read back",
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  private static byte[] unlz4(byte[] stored, int from, int length) throws IOException {
    // One byte more than announced, so that a block longer than its length shows.
    byte[] out = new byte[length + 1];
    int n = UNLZ4.decompress(stored, from, stored.length - from, out, 0, out.length);
    if (n != length) {
      throw new IOException("decompressed " + n + " bytes, announced " + length);
    }
    return Arrays.copyOf(out, length);
  }

  private static byte[] inflate(byte[] stored, int from, int length)
      throws IOException, DataFormatException {
    Inflater inflater = new Inflater();
    try {
      // One byte more than announced, so that a stream longer than its length shows.
      byte[] out = new byte[length + 1];
      inflater.setInput(stored, from, stored.length - from);
      int n = 0;
      while (!inflater.finished()) {
        int got = inflater.inflate(out, n, out.length - n);
        n += got;
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary() || n == out.length)) {
          break;
        }
      }
      if (n != length || !inflater.finished()) {
        throw new IOException("inflated " + n + " bytes, announced " + length);
      }
      return Arrays.copyOf(out, length);
    } finally {
      inflater.end();
    }
  }

  /**
   * Every field of every entry, in order, without ambiguity (strings carry their length), in two
   * parts: the text (all but the hashes) and the hashes. Tiers, types and reasons repeat (a few
   * hundred distinct reasons in 10,000 entries), so the text holds them once in a table up front
   * and refers to them by number.
   */
  private record Layout(byte[] text, byte[] hashes) {
    static Layout of(List<ManifestEntry> list) {
      EntryList entries = EntryList.copyOf(list);
      int n = entries.size();
      Writer body = new Writer(n * 80 + 16);
      Writer hashes = new Writer(n * 33 + 16);
      for (int i = 0; i < n; i++) {
        body.putString(entries.recordId(i));
        body.putVarLong(entries.version(i));
        body.putVarLong(entries.sizeBytes(i));
        if (entries.sha256IsHex(i)) {
          hashes.putSha(entries.sha256Bytes(), 32 * i);
        } else {
          hashes.putSha(entries.sha256(i));
        }
        body.putVarLong(entries.wordIndex(i, 0));
        body.putLong(Double.doubleToLongBits(entries.score(i)));
        body.putVarLong(entries.wordIndex(i, 1));
        body.putVarLong(entries.wordIndex(i, 2));
        body.putString(entries.title(i));
      }
      List<String> table = entries.words();
      Writer text = new Writer(body.n + table.size() * 48 + 16);
      text.putVarLong(table.size());
      table.forEach(text::putString);
      text.putVarLong(n);
      text.putBytes(body.buf, body.n);
      return new Layout(text.bytes(), hashes.bytes());
    }

    static List<ManifestEntry> read(ByteBuffer text, ByteBuffer hashes) throws IOException {
      String[] table = new String[count(text)];
      for (int i = 0; i < table.length; i++) {
        table[i] = getString(text);
      }
      int n = count(text);
      EntryList.Builder out = new EntryList.Builder(n);
      for (int i = 0; i < n; i++) {
        out.add(
            getString(text),
            getVarLong(text),
            getVarLong(text),
            getSha(hashes),
            table[index(text, table)],
            Double.longBitsToDouble(text.getLong()),
            table[index(text, table)],
            table[index(text, table)],
            getString(text));
      }
      if (text.hasRemaining() || hashes.hasRemaining()) {
        throw new IOException("bytes left after the last entry");
      }
      return out.build();
    }
  }

  /** A count of items of at least one byte each that follow. */
  private static int count(ByteBuffer in) throws IOException {
    long n = getVarLong(in);
    if (n < 0 || n > in.remaining()) {
      throw new IOException("bad count " + n);
    }
    return (int) n;
  }

  private static int index(ByteBuffer in, String[] table) throws IOException {
    long i = getVarLong(in);
    if (i < 0 || i >= table.length) {
      throw new IOException("bad table index " + i);
    }
    return (int) i;
  }

  /** An unsigned LEB128 number: 7 bits a byte, low bits first. */
  private static long getVarLong(ByteBuffer in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      v |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new IOException("number longer than 64 bits");
  }

  private static List<ManifestEntry> decodeJson(byte[] stored) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
      return EntryList.copyOf(JSON.readValue(in, LIST));
    } catch (IOException e) {
      throw new UncheckedIOException("stored manifest entries do not read back", e);
    }
  }

  private static String getString(ByteBuffer in) throws IOException {
    int length = count(in);
    String s =
        new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  private static String getSha(ByteBuffer in) throws IOException {
    if (in.get() == 1) {
      byte[] raw = new byte[32];
      in.get(raw);
      return HEX.formatHex(raw);
    }
    return getString(in);
  }

  /** A growable big-endian byte writer: the layout is written field by field, no stream layers. */
  private static final class Writer {
    private byte[] buf;
    private int n;

    Writer(int capacity) {
      buf = new byte[capacity];
    }

    private void room(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
      }
    }

    void putInt(int v) {
      room(4);
      buf[n++] = (byte) (v >>> 24);
      buf[n++] = (byte) (v >>> 16);
      buf[n++] = (byte) (v >>> 8);
      buf[n++] = (byte) v;
    }

    void putLong(long v) {
      putInt((int) (v >>> 32));
      putInt((int) v);
    }

    void putVarLong(long v) {
      room(10);
      while ((v & ~0x7fL) != 0) {
        buf[n++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      buf[n++] = (byte) v;
    }

    void putString(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      putVarLong(utf8.length);
      putBytes(utf8, utf8.length);
    }

    void putBytes(byte[] bytes, int length) {
      room(length);
      System.arraycopy(bytes, 0, buf, n, length);
      n += length;
    }

    /** A lower-case hex sha256 as its 32 bytes (flag 1); anything else as a string (flag 0). */
    void putSha(String sha) {
      room(33);
      if (Hashes.putLowerHex(sha, buf, n + 1)) {
        buf[n] = 1;
        n += 33;
        return;
      }
      buf[n++] = 0;
      putString(sha);
    }

    /** A sha256 already held as its 32 bytes (flag 1). */
    void putSha(byte[] bytes, int from) {
      room(33);
      buf[n++] = 1;
      System.arraycopy(bytes, from, buf, n, 32);
      n += 32;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, n);
    }
  }
}

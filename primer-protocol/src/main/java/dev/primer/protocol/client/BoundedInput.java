package dev.primer.protocol.client;

import dev.primer.protocol.ByteSizes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An answer read with limits: at most {@code maxBytes} in all and at most {@code maxLine} between
 * two newlines (for NDJSON), counted after gzip decoding, so neither an endless stream nor a gzip
 * bomb can make the agent read (and Jackson buffer) without end. Past a limit every read throws,
 * and {@link #exceeded()} says which limit it was, whatever the parser made of the exception.
 */
final class BoundedInput extends FilterInputStream {
  private final String what;
  private final long maxBytes;
  private final long maxLine;
  private long total;
  private long line;
  private volatile String exceeded = "";

  BoundedInput(InputStream in, String what, long maxBytes, long maxLine) {
    super(in);
    this.what = what;
    this.maxBytes = maxBytes;
    this.maxLine = maxLine;
  }

  /** The limit that was passed, as a sentence; empty while none was. */
  String exceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (!exceeded.isEmpty()) {
      throw new IOException(exceeded);
    }
    int n = super.read(b, off, (int) Math.min(len, maxBytes - total + 1));
    if (n <= 0) {
      return n;
    }
    total += n;
    if (total > maxBytes) {
      return fail(what + " is larger than " + ByteSizes.human(maxBytes));
    }
    if (maxLine < Long.MAX_VALUE) {
      for (int i = off; i < off + n; i++) {
        line = b[i] == '\n' ? 0 : line + 1;
        if (line > maxLine) {
          return fail(what + " has a line longer than " + ByteSizes.human(maxLine));
        }
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    int len = (int) Math.max(0, Math.min(n, 8192));
    return Math.max(0, read(new byte[len], 0, len));
  }

  private int fail(String why) throws IOException {
    exceeded = why;
    throw new IOException(why);
  }
}

package dev.primer.service.upload;

import dev.primer.service.problem.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload body that refuses to yield more than a limit: reading past it throws a 413 problem, so
 * a too-large body is stopped while streaming, without buffering it.
 */
public final class BoundedInput extends FilterInputStream {
  private final long limit;
  private final String what;
  private long count;

  private BoundedInput(InputStream in, long limit, String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  /** Wraps {@code in}; {@code what} names the body in the problem ("the import body"). */
  public static BoundedInput of(InputStream in, long limit, String what) {
    return new BoundedInput(in, limit, what);
  }

  /** Bytes read so far. */
  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    add(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void add(long n) {
    count += n;
    if (count > limit) {
      throw ProblemException.tooLarge(what, limit);
    }
  }
}

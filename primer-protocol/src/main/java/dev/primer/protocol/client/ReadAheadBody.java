package dev.primer.protocol.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a stream while the client keeps receiving up to {@code window} buffer
 * lists ahead. The JDK's {@code BodySubscribers.ofInputStream()} asks for one list at a time, so
 * the connection's thread and the reader hand every socket read over to each other, and a blob came
 * in at half the speed of a download straight to a file.
 */
final class ReadAheadBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
  private static final Object END = new Object();

  private final int window;
  private final Duration idle;
  private final BlockingQueue<Object> lists = new LinkedBlockingQueue<>();
  private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
  private Iterator<ByteBuffer> current = List.<ByteBuffer>of().iterator();
  private ByteBuffer buffer = ByteBuffer.allocate(0);
  private boolean ended;
  private volatile boolean closed;

  ReadAheadBody(int window, Duration idle) {
    this.window = window;
    this.idle = idle;
  }

  /**
   * A body handler that reads every answer this way; a read that waits longer than {@code idle} for
   * the next bytes fails, so a stalled answer cannot hold the agent forever.
   */
  static HttpResponse.BodyHandler<InputStream> handler(int window, Duration idle) {
    return info -> new ReadAheadBody(window, idle);
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedStage(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (!subscription.complete(s)) {
      s.cancel();
      return;
    }
    if (closed) {
      s.cancel();
    } else {
      s.request(window);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    lists.add(item);
  }

  @Override
  public void onError(Throwable error) {
    lists.add(error);
  }

  @Override
  public void onComplete() {
    lists.add(END);
  }

  @Override
  public int read() throws IOException {
    return advance() ? buffer.get() & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!advance()) {
      return -1;
    }
    int n = Math.min(len, buffer.remaining());
    buffer.get(b, off, n);
    return n;
  }

  @Override
  public int available() {
    return buffer.remaining();
  }

  /** Makes {@code buffer} hold unread bytes; false at the end of the body. */
  private boolean advance() throws IOException {
    while (!buffer.hasRemaining()) {
      if (current.hasNext()) {
        buffer = current.next();
        continue;
      }
      if (ended || closed) {
        return false;
      }
      Object next;
      try {
        next = lists.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the answer");
      }
      if (next == null) {
        ended = true;
        close();
        throw new HttpTimeoutException(
            "the answer stalled: no data for " + idle.toSeconds() + " s");
      }
      if (next == END) {
        ended = true;
        return false;
      }
      if (next instanceof Throwable error) {
        ended = true;
        throw error instanceof IOException io ? io : new IOException(error.getMessage(), error);
      }
      @SuppressWarnings("unchecked")
      List<ByteBuffer> list = (List<ByteBuffer>) next;
      current = list.iterator();
      // This list is consumed from here on: let the connection receive one more.
      subscription.join().request(1);
    }
    return true;
  }

  /** Stops receiving; the rest of the body is dropped. */
  @Override
  @SuppressWarnings("FutureReturnValueIgnored") // cancelling cannot fail; nothing waits on it
  public void close() {
    if (!closed) {
      closed = true;
      subscription.thenAccept(Flow.Subscription::cancel);
      lists.clear();
    }
  }
}

package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.agent.util.PrivateFiles;
import dev.primer.protocol.client.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One blob download in progress ({@link BlobFiles#startDownload}): feed it bytes from {@link
 * #offset()}, then finish it. The caller hashes each chunk and hands it over; a thread of the
 * download's own encrypts and writes the chunks in order, so hashing and encrypting run on both
 * cores (on one, the agent took 1.5 to 2 times as long as a plain download of the same blob).
 */
public final class BlobDownload implements AutoCloseable {
  /** Encrypts and writes the chunks of downloads (one thread per download in progress). */
  private static final ExecutorService SEALERS =
      Executors.newCachedThreadPool(DaemonThreads.named("primer-blob-seal"));

  /** Flushes blob files to disk in the background while their downloads go on. */
  private static final ExecutorService FLUSHER =
      Executors.newSingleThreadExecutor(DaemonThreads.named("primer-blob-flush"));

  /** Bytes written to a blob file between two background flushes. */
  private static final long FLUSH_EVERY = 4L << 20;

  private static final int CHUNK = BlobFiles.CHUNK;
  private static final int SEALED_CHUNK = BlobFiles.SEALED_CHUNK;

  /** Chunks hashed and not yet written, at most: 1 MiB of plain bytes per download. */
  private static final int DEPTH = 16;

  private final String sha256;
  private final Path partial;
  private final Path file;
  private final FieldCipher cipher;
  private final FileChannel channel;
  private final MessageDigest digest = BlobFiles.sha256Digest();
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH);
  private final BlockingQueue<Chunk> handedOver = new ArrayBlockingQueue<>(DEPTH + 1);
  private int buffers;
  private byte @Nullable [] pending;
  private int pendingLength;
  private long chunkIndex;
  private @Nullable Future<?> sealer;

  /** The first failure of the sealing thread; later chunks are dropped, not written. */
  private volatile @Nullable IOException sealFailure;

  // Touched by the sealing thread only (and by close() once it has stopped).
  private final byte[] sealed = new byte[SEALED_CHUNK];
  private long unflushed;
  private CompletableFuture<Void> flushing = CompletableFuture.completedFuture(null);

  private record Chunk(byte[] plain, int length, long index) {
    static final Chunk END = new Chunk(new byte[0], 0, -1);
  }

  /** Opens (creating) {@code partial} and keeps its complete chunks; {@code file} is its end. */
  BlobDownload(String sha256, Path partial, Path file, FieldCipher cipher) throws IOException {
    this.sha256 = sha256;
    this.partial = partial;
    this.file = file;
    this.cipher = cipher;
    this.channel =
        FileChannel.open(
            partial,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
            PrivateFiles.file());
    resume();
  }

  /** Keeps the chunks that authenticate, re-hashing them; drops a torn or damaged tail. */
  private void resume() throws IOException {
    long complete = channel.size() / SEALED_CHUNK;
    ByteBuffer buffer = ByteBuffer.allocate(SEALED_CHUNK);
    long good = 0;
    for (long i = 0; i < complete; i++) {
      buffer.clear();
      channel.read(buffer, i * SEALED_CHUNK);
      try {
        byte[] plain =
            cipher.decrypt(buffer.array(), 0, SEALED_CHUNK, FieldCipher.chunkAad(sha256, i));
        digest.update(plain);
        good++;
      } catch (FieldCipher.TamperedException e) {
        break;
      }
    }
    channel.truncate(good * SEALED_CHUNK);
    chunkIndex = good;
  }

  /** The plain byte offset to ask the server for (Range: bytes=offset-). */
  public long offset() {
    return chunkIndex * CHUNK;
  }

  /** Forgets everything downloaded so far (the server's copy changed). */
  public void restart() throws IOException {
    awaitSealer();
    channel.truncate(0);
    digest.reset();
    chunkIndex = 0;
    pendingLength = 0;
  }

  /** Appends plain bytes. */
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      byte[] into = pendingBuffer();
      int n = Math.min(length, CHUNK - pendingLength);
      System.arraycopy(bytes, offset, into, pendingLength, n);
      pendingLength += n;
      offset += n;
      length -= n;
      if (pendingLength == CHUNK) {
        handOver();
      }
    }
  }

  /**
   * Appends what {@code in} yields until it ends or {@code cancelled} says stop (checked between
   * chunks); returns the bytes appended. Reads straight into the chunk buffers. The service client
   * receives ahead of this reader (see ServiceClient), so the network, the hashing here and the
   * sealing thread all overlap.
   */
  public long writeAll(InputStream in, java.util.function.BooleanSupplier cancelled)
      throws IOException {
    return writeAll(in, Long.MAX_VALUE, cancelled);
  }

  /**
   * As {@link #writeAll(InputStream, java.util.function.BooleanSupplier)}, reading at most {@code
   * limit} bytes: a server cannot make the agent write more than the manifest said.
   */
  public long writeAll(InputStream in, long limit, java.util.function.BooleanSupplier cancelled)
      throws IOException {
    long total = 0;
    while (total < limit && !cancelled.getAsBoolean()) {
      byte[] into = pendingBuffer();
      int n =
          in.readNBytes(into, pendingLength, (int) Math.min(CHUNK - pendingLength, limit - total));
      if (n == 0) {
        break;
      }
      pendingLength += n;
      total += n;
      if (pendingLength == CHUNK) {
        handOver();
      }
    }
    return total;
  }

  private byte[] pendingBuffer() throws IOException {
    if (pending == null) {
      byte[] b = free.poll();
      if (b == null && buffers < DEPTH) {
        buffers++;
        b = new byte[CHUNK];
      }
      try {
        while (b == null) {
          b = free.poll(1, TimeUnit.SECONDS);
          if (b == null && sealer != null && sealer.isDone()) {
            // It gives every buffer back while it runs; stopped, it never will.
            throw new IOException("writing blob " + sha256 + " stopped", sealFailure);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("blob download interrupted");
      }
      pending = b;
    }
    return pending;
  }

  /** Hashes the pending chunk here and gives it to the sealing thread. */
  private void handOver() throws IOException {
    IOException failed = sealFailure;
    if (failed != null) {
      throw new IOException("writing blob " + sha256 + " failed", failed);
    }
    // Only called with a chunk begun (pendingLength > 0).
    byte[] full = Objects.requireNonNull(pending);
    digest.update(full, 0, pendingLength);
    if (sealer == null) {
      sealer = SEALERS.submit(this::sealChunks);
    }
    put(new Chunk(full, pendingLength, chunkIndex++));
    pending = null;
    pendingLength = 0;
  }

  private void put(Chunk chunk) throws IOException {
    try {
      handedOver.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("blob download interrupted");
    }
  }

  /** The sealing thread: encrypts and writes chunks in order until END. */
  @SuppressWarnings("ReferenceEquality") // END is a sentinel object
  private void sealChunks() {
    while (true) {
      Chunk chunk;
      try {
        chunk = handedOver.take();
      } catch (InterruptedException e) {
        sealFailure = new InterruptedIOException("blob sealing interrupted");
        return;
      }
      if (chunk == Chunk.END) {
        return;
      }
      try {
        if (sealFailure == null) {
          seal(chunk);
        }
      } catch (IOException | RuntimeException e) {
        sealFailure = e instanceof IOException io ? io : new IOException(e);
      } finally {
        free.add(chunk.plain());
      }
    }
  }

  private void seal(Chunk chunk) throws IOException {
    int sealedLength =
        cipher.encrypt(
            chunk.plain(), 0, chunk.length(), FieldCipher.chunkAad(sha256, chunk.index()), sealed);
    ByteBuffer buffer = ByteBuffer.wrap(sealed, 0, sealedLength);
    long position = chunk.index() * SEALED_CHUNK;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    unflushed += sealedLength;
    if (unflushed >= FLUSH_EVERY && flushing.isDone()) {
      // The disk writes what has come so far while the rest is downloaded, so the final sync
      // in finish() has only the tail left to wait for.
      unflushed = 0;
      flushing = CompletableFuture.runAsync(this::flushQuietly, FLUSHER);
    }
  }

  private void flushQuietly() {
    try {
      channel.force(false);
    } catch (IOException e) {
      // finish() syncs everything again and reports a failure there.
    }
  }

  /** Lets the sealing thread write what it was handed, and waits for it to stop. */
  private void awaitSealer() throws IOException {
    if (sealer == null) {
      return;
    }
    put(Chunk.END);
    try {
      sealer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("blob download interrupted");
    } catch (ExecutionException e) {
      throw new IOException("sealing blob " + sha256 + " failed", e.getCause());
    } finally {
      sealer = null;
    }
    flushing.join();
    IOException failed = sealFailure;
    if (failed != null) {
      throw new IOException("writing blob " + sha256 + " failed", failed);
    }
  }

  /**
   * Ends the download: when the content hashes to the expected sha256 the blob is synced to disk
   * and becomes a verified blob; otherwise the partial file is dropped and false comes back.
   */
  public boolean finish() throws IOException {
    if (pendingLength > 0) {
      handOver();
    }
    awaitSealer();
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(sha256)) {
      channel.truncate(0);
      return false;
    }
    channel.force(true);
    channel.close();
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  /** Keeps the complete chunks for a later resume; the short tail is dropped. */
  @Override
  public void close() throws IOException {
    try {
      awaitSealer();
    } finally {
      if (channel.isOpen()) {
        channel.close();
      }
    }
  }
}

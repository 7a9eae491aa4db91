package dev.primer.agent.sync;

import dev.primer.agent.store.BlobDownload;
import dev.primer.agent.store.BlobFiles;
import dev.primer.protocol.client.PrimerClient;
import dev.primer.protocol.records.RecordLine;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Downloads one blob into the store's blob files, resuming where an earlier attempt was cut, never
 * past the manifest's size, and keeps it only when its sha256 is the manifest's.
 */
final class BlobFetcher {
  private final BlobFiles blobs;
  private final ServiceClient client;

  BlobFetcher(BlobFiles blobs, ServiceClient client) {
    this.blobs = blobs;
    this.client = client;
  }

  /**
   * Downloads and verifies blob {@code sha} for {@code line}; false when cancelled or refused (the
   * reason goes to {@code refused}). A cut answer is an {@link UncheckedIOException}: a passing
   * failure the caller retries, resuming from the complete chunks kept.
   */
  boolean fetch(String sha, RecordLine line, BooleanSupplier cancelled, List<String> refused) {
    if (cancelled.getAsBoolean()) {
      return false;
    }
    if (blobs.has(sha)) {
      return true;
    }
    long size = line.sizeBytes();
    try (BlobDownload d = blobs.startDownload(sha)) {
      if (d.offset() > size) {
        d.restart(); // an earlier answer ran past the size: start over
      }
      long offset = d.offset();
      long before = offset;
      try (PrimerClient.BlobStream stream = client.blob(sha, offset)) {
        if (offset > 0 && !stream.partial()) {
          d.restart();
          before = 0;
        }
        // Never more than the manifest's size: an endless answer, or one whose Content-Length
        // lies, stops here.
        long got = d.writeAll(stream.body(), size - before, cancelled);
        if (cancelled.getAsBoolean()) {
          return false;
        }
        if (before + got < size) {
          throw new UncheckedIOException(
              new EOFException(
                  "blob "
                      + sha
                      + " for "
                      + line.id()
                      + " ended after "
                      + (before + got)
                      + " of "
                      + size
                      + " bytes"));
        }
        if (stream.body().read() >= 0) {
          d.restart();
          refused.add(line.id() + " (blob answer longer than the manifest's " + size + " bytes)");
          return false;
        }
      }
      if (!d.finish()) {
        refused.add(line.id() + " (blob sha256 mismatch)");
        return false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("blob " + sha + " for " + line.id() + " failed", e);
    }
    return true;
  }
}

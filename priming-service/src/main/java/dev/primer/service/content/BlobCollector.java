package dev.primer.service.content;

import dev.primer.service.config.PrimerConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Deletes what the blob store no longer needs, after a grace period: uploads abandoned half-way and
 * blobs no record refers to any more (superseded content). Runs every {@code primer.blobs.gc-every}
 * (default hourly).
 */
@ApplicationScoped
public class BlobCollector {
  private static final Logger LOG = Logger.getLogger(BlobCollector.class);
  private static final int CHUNK = 1000;

  private final BlobStore blobs;
  private final AgroalDataSource db;
  private final Duration grace;

  BlobCollector(BlobStore blobs, AgroalDataSource db, PrimerConfig config) {
    this.blobs = blobs;
    this.db = db;
    this.grace = config.blobs().gcGrace();
  }

  /** A sweep's result. */
  public record Swept(int abandonedUploads, int unreferencedBlobs) {}

  @Scheduled(
      every = "${primer.blobs.gc-every:1H}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    Swept swept = sweep(Instant.now().minus(grace));
    if (swept.abandonedUploads() + swept.unreferencedBlobs() > 0) {
      LOG.infof(
          "blob collector: %d abandoned uploads and %d unreferenced blobs deleted",
          swept.abandonedUploads(), swept.unreferencedBlobs());
    }
  }

  /** Deletes abandoned uploads and unreferenced blobs older than {@code cutoff}. */
  public Swept sweep(Instant cutoff) {
    int uploads = blobs.deleteAbandonedUploads(cutoff);
    List<String> old = blobs.storedBefore(cutoff);
    int deleted = 0;
    for (int from = 0; from < old.size(); from += CHUNK) {
      List<String> chunk = old.subList(from, Math.min(old.size(), from + CHUNK));
      Set<String> referenced = referenced(chunk);
      for (String sha256 : chunk) {
        if (!referenced.contains(sha256)) {
          blobs.delete(sha256);
          deleted++;
        }
      }
    }
    return new Swept(uploads, deleted);
  }

  private Set<String> referenced(List<String> addresses) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT DISTINCT sha256 FROM records WHERE sha256 = ANY (?)")) {
      Array array = c.createArrayOf("text", addresses.toArray());
      s.setArray(1, array);
      Set<String> found = new HashSet<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check which blobs records refer to", e);
    }
  }
}

package dev.primer.service.content;

import dev.primer.service.data.OrgDataChanges;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bumps the data version of record content at most once a second and announces it like any other
 * org data change, so the snapshot (which lists only records with content) is rebuilt once the
 * uploads pause: content arrives upload by upload, by the hundred thousand, and one bump per upload
 * would make every upload wait for the same row.
 */
@ApplicationScoped
public class ContentChanges {
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final OrgDataChanges changes;

  ContentChanges(OrgDataChanges changes) {
    this.changes = changes;
  }

  /** Notes that some content was stored. */
  public void stored() {
    dirty.set(true);
  }

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void flush() {
    if (dirty.getAndSet(false)) {
      changes.changed("content");
    }
  }
}

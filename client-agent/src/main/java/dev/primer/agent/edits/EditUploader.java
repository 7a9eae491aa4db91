package dev.primer.agent.edits;

import dev.primer.agent.store.EditWork;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.agent.store.ReceiptsKept;
import dev.primer.agent.store.StoredFields;
import dev.primer.agent.sync.RecordPreparer;
import dev.primer.agent.trust.ServerValues;
import dev.primer.protocol.client.RetryPolicy;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.OpenReviews;
import dev.primer.protocol.edits.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends the outbox's operations in sequence order, a batch at a time, keeps each receipt, measures
 * the clock offset at each contact, then fetches the records the receipts changed and drops those
 * operations' overlays with the fetched copy in one transaction. Safe to run at any time and again:
 * a resent operation gets its first receipt, a replayed answer changes nothing.
 */
public final class EditUploader {
  /** Operations per batch: small, so a faint network still gets whole answers through. */
  public static final int BATCH = 100;

  /** The meta key of the measured clock offset (service minus device, milliseconds). */
  public static final String CLOCK_OFFSET = "clock_offset_ms";

  private static final int FETCH_BATCH = 1000;

  private final LocalStore store;
  private final EditEndpoint endpoint;
  private final Clock clock;
  private final RetryPolicy retrying;
  private final Consumer<String> log;
  private int batchSize = BATCH;

  public EditUploader(
      LocalStore store,
      EditEndpoint endpoint,
      Clock clock,
      RetryPolicy retrying,
      Consumer<String> log) {
    this.store = store;
    this.endpoint = endpoint;
    this.clock = clock;
    this.retrying = retrying;
    this.log = log;
  }

  /** Operations per batch, 1 to {@link EditBatch#MAX_OPERATIONS}. */
  public EditUploader batchSize(int operations) {
    if (operations < 1 || operations > EditBatch.MAX_OPERATIONS) {
      throw new IllegalArgumentException(
          "batch size must be 1.." + EditBatch.MAX_OPERATIONS + ", was " + operations);
    }
    this.batchSize = operations;
    return this;
  }

  /** The clock offset last measured, 0 before the first contact. */
  public static long clockOffset(LocalStore store) {
    try {
      return Long.parseLong(store.meta().getOrDefault(CLOCK_OFFSET, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Uploads everything waiting and brings back the changed records; the outcome is also kept in the
   * store's meta for {@code status} ({@code last_upload_at}, {@code last_upload}). A failure is
   * kept there too, then thrown.
   */
  @SuppressWarnings("try") // the lock is only held
  public UploadResult upload() {
    Optional<LocalStore.SyncLock> lock = store.lockForUpload();
    if (lock.isEmpty()) {
      return UploadResult.busyElsewhere();
    }
    try (LocalStore.SyncLock held = lock.get()) {
      UploadResult result = uploadHeld();
      if (result.sent() > 0 || result.fetched() > 0) {
        store.putMeta(
            Map.of("last_upload_at", clock.instant().toString(), "last_upload", result.summary()));
      }
      return result;
    } catch (RuntimeException e) {
      store.putMeta(
          Map.of(
              "last_upload_at",
              clock.instant().toString(),
              "last_upload",
              "failed: " + String.valueOf(e.getMessage()).replaceAll("[\\r\\n]+", " ")));
      throw e;
    }
  }

  private UploadResult uploadHeld() {
    int sent = 0;
    Map<Outcome, Integer> decided = new EnumMap<>(Outcome.class);
    List<String> ignored = new ArrayList<>();
    Optional<Long> offset = Optional.empty();
    while (true) {
      List<OutboxEntry> batch = store.unsentEdits(batchSize);
      if (batch.isEmpty()) {
        break;
      }
      EditWork work = store.editWork();
      Instant now = clock.instant();
      long oldest =
          work.oldestPending()
              .map(t -> Math.max(0, Duration.between(t, now).toSeconds()))
              .orElse(0L);
      List<EditOperation> ops = batch.stream().map(OutboxEntry::op).toList();
      store.markEditsSent(batch.stream().map(OutboxEntry::seq).toList(), now);
      Instant[] sentAt = new Instant[1];
      EditReceipts answer =
          retrying.call(
              () -> {
                sentAt[0] = clock.instant();
                return endpoint.send(new EditBatch(work.pending(), oldest, ops));
              });
      Instant answeredAt = clock.instant();
      Optional<Long> measured = ClockOffset.measure(sentAt[0], answeredAt, answer.serverTime());
      if (measured.isPresent()) {
        offset = measured;
        store.putMeta(
            Map.of(
                CLOCK_OFFSET,
                Long.toString(measured.get()),
                "clock_offset_at",
                answeredAt.toString()));
      }
      ReceiptsKept kept = store.keepReceipts(answer.receipts(), answeredAt);
      for (String opId : kept.ignored()) {
        log.accept(
            "edits: ignored a receipt for operation "
                + ServerValues.quoted(opId)
                + ", which this device does not hold");
      }
      ignored.addAll(kept.ignored());
      for (EditReceipt r : kept.kept()) {
        decided.merge(r.outcome(), 1, Integer::sum);
      }
      sent += ops.size();
      Set<String> answered = new HashSet<>();
      answer.receipts().forEach(r -> answered.add(r.opId()));
      if (ops.stream().noneMatch(op -> answered.contains(op.opId()))) {
        // Sending the same batch again would get the same answer: the next contact tries.
        log.accept("edits: the service answered no receipt for the " + ops.size() + " sent");
        break;
      }
    }
    List<String> settled = settleClosedReviews();
    int fetched = fetchChanged(settled);
    return new UploadResult(false, sent, decided, ignored, fetched, offset);
  }

  /**
   * When reviews are shown here, asks the service which it still holds open and settles the others
   * (an admin decided them, or their record is gone); returns their records.
   */
  private List<String> settleClosedReviews() {
    if (store.editWork().conflicts() == 0) {
      return List.of();
    }
    OpenReviews open = retrying.call(endpoint::openReviews);
    return store.settleClosedReviews(new HashSet<>(open.opIds()), clock.instant());
  }

  /**
   * Fetches the records that decided operations changed (or created), and {@code alsoFetch}, and
   * drops the decided operations' overlays in the same transaction as the write; a record the
   * service no longer serves drops them too. Returns the records written.
   */
  private int fetchChanged(List<String> alsoFetch) {
    Set<String> ids = new LinkedHashSet<>();
    store.awaitingFetch().forEach(e -> ids.add(e.recordId()));
    ids.addAll(alsoFetch);
    List<String> all = new ArrayList<>(ids);
    int written = 0;
    for (int i = 0; i < all.size(); i += FETCH_BATCH) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + FETCH_BATCH));
      Set<String> asked = new HashSet<>(chunk);
      List<StoredFields> fetched = new ArrayList<>();
      Set<String> gone = new HashSet<>();
      retrying.call(
          () -> {
            fetched.clear();
            gone.clear();
            endpoint.fetch(
                chunk,
                line -> {
                  if (!asked.contains(line.id())) {
                    log.accept(
                        "edits: records:fetch answered "
                            + ServerValues.quoted(line.id())
                            + ", not asked for");
                  } else if (line.isError()) {
                    gone.add(line.id());
                  } else {
                    Optional<String> problem = ServerValues.fieldsProblem(line);
                    if (problem.isPresent()) {
                      log.accept("edits: refused " + line.id() + " (" + problem.get() + ")");
                    } else {
                      fetched.add(RecordPreparer.fields(line));
                    }
                  }
                });
            return fetched.size();
          });
      store.converge(fetched, gone, clock.instant());
      written += fetched.size();
    }
    return written;
  }
}

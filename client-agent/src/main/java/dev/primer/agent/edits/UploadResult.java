package dev.primer.agent.edits;

import dev.primer.protocol.edits.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one upload did.
 *
 * @param busy whether another upload held the outbox (this one then did nothing)
 * @param sent operations sent (a resent one counts again)
 * @param decided receipts that decided an operation now, by outcome
 * @param ignored receipts for operations the device does not hold
 * @param fetched records fetched after their receipts
 * @param clockOffsetMillis the clock offset measured, if the service answered with its time
 */
public record UploadResult(
    boolean busy,
    int sent,
    Map<Outcome, Integer> decided,
    List<String> ignored,
    int fetched,
    Optional<Long> clockOffsetMillis) {
  public UploadResult {
    decided = Map.copyOf(decided);
    ignored = List.copyOf(ignored);
  }

  /** The result when another upload held the outbox. */
  static UploadResult busyElsewhere() {
    return new UploadResult(true, 0, new EnumMap<>(Outcome.class), List.of(), 0, Optional.empty());
  }

  /** One line: {@code sent 3 edits: 2 applied, 1 needs-review; fetched 2 records}. */
  public String summary() {
    if (busy) {
      return "another upload is running";
    }
    if (sent == 0 && fetched == 0) {
      return "nothing to upload";
    }
    String outcomes =
        decided.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getValue() + " " + e.getKey().wireName())
            .collect(Collectors.joining(", "));
    return "sent "
        + sent
        + " edit"
        + (sent == 1 ? "" : "s")
        + (outcomes.isEmpty() ? "" : ": " + outcomes)
        + (ignored.isEmpty() ? "" : "; " + ignored.size() + " unknown receipts ignored")
        + "; fetched "
        + fetched
        + " record"
        + (fetched == 1 ? "" : "s");
  }
}

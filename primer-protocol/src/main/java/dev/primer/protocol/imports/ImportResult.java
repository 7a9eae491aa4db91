package dev.primer.protocol.imports;

import dev.primer.protocol.RejectedLine;
import java.util.List;

/**
 * What an import did: lines inserted, updated and left unchanged (the same or a newer version was
 * already stored), and the rejected lines with their numbers and reasons.
 *
 * @param rejectedTotal every rejected line; {@code rejected} lists at most the first 1,000
 */
public record ImportResult(
    long inserted, long updated, long unchanged, long rejectedTotal, List<RejectedLine> rejected) {
  public ImportResult {
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }
}

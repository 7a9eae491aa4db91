package dev.primer.service.selection;

import dev.primer.service.manifest.EntryList;
import dev.primer.service.manifest.ManifestContent;
import dev.primer.service.manifest.ManifestEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What was chosen for one user, day and budget, with what it was chosen from.
 *
 * @param modelId the active model's id, or empty when a fallback baseline selected
 * @param dataVersion the org data version of the snapshot it was computed from
 * @param expectedAccesses the sum of scores over every candidate (empty for baselines)
 * @param contentHash {@link ManifestContent#hash} of {@link #content()}, computed once when the
 *     selection is built rather than on every manifest request
 * @param storedEntries the entries as stored ({@code EntriesCodec.encode}), packed once and written
 *     once, as the entry list that the selection's row and every device generation made from it
 *     share (not compared by {@code equals}: it follows from {@code entries})
 */
public record UserSelection(
    String userId,
    LocalDate day,
    long budget,
    String modelId,
    String dataVersion,
    String selector,
    String note,
    long bytes,
    List<ManifestEntry> entries,
    List<String> notFitted,
    OptionalDouble expectedAccesses,
    Instant builtAt,
    long buildMs,
    String contentHash,
    byte[] storedEntries) {
  public UserSelection {
    entries = EntryList.copyOf(entries);
    notFitted = List.copyOf(notFitted);
  }

  /** What a manifest of this selection says. */
  public ManifestContent content() {
    return new ManifestContent(day, modelId, selector, note, budget, bytes, entries, notFitted);
  }

  /** Whether this selection is still what the current model and data would choose. */
  public boolean freshFor(LocalDate day, SelectorChoice choice, String dataVersion) {
    return this.day.equals(day)
        && modelId.equals(choice.modelId())
        && selector.equals(choice.name())
        && this.dataVersion.equals(dataVersion);
  }
}

package dev.primer.service.selection;

import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.manifest.EntriesCodec;
import dev.primer.service.manifest.EntryList;
import dev.primer.service.manifest.ManifestContent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 *     share; empty once stored and kept in memory. It follows from {@code entries}, but the
 *     record's {@code equals} compares the array itself, by identity
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
    Optional<byte[]> storedEntries) {
  public UserSelection {
    entries = EntryList.copyOf(entries);
    notFitted = List.copyOf(notFitted);
  }

  /**
   * The entries as stored: the form packed with the selection, or packed again when this copy no
   * longer holds it.
   */
  public byte[] storedForm() {
    return storedEntries.orElseGet(() -> EntriesCodec.encode(entries));
  }

  /**
   * This selection without its stored form, for keeping in memory once it is stored: half a
   * megabyte for a medium rep, which young collections copied for every cached selection.
   */
  public UserSelection withoutStoredForm() {
    return storedEntries.isEmpty()
        ? this
        : new UserSelection(
            userId,
            day,
            budget,
            modelId,
            dataVersion,
            selector,
            note,
            bytes,
            entries,
            notFitted,
            expectedAccesses,
            builtAt,
            buildMs,
            contentHash,
            Optional.empty());
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

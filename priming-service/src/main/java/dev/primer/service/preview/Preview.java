package dev.primer.service.preview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.primer.protocol.manifest.ManifestEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a user's manifest would hold for a budget, summarised for an admin.
 *
 * @param expectedHitRate the sum of the entries' scores over the expected number of accesses (the
 *     sum of scores over every candidate); absent when a baseline selects (it has no scores)
 * @param top the first entries in download priority
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preview(
    String userId,
    LocalDate day,
    String modelId,
    String selector,
    String note,
    long budget,
    long bytes,
    int entries,
    int guaranteed,
    int predicted,
    Map<String, Long> bytesByType,
    Map<String, Integer> entriesByType,
    Double expectedAccesses,
    Double expectedHitRate,
    List<String> notFitted,
    List<ManifestEntry> top) {}

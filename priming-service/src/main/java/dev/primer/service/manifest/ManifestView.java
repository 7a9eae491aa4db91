package dev.primer.service.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A manifest as the API returns it: full ({@code full} true, {@code entries} set) or a delta since
 * an earlier generation ({@code full} false; {@code added}, {@code changed}, {@code removed} and
 * {@code order} set). Fields that do not belong to the form are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestView(
    String deviceId,
    String userId,
    long generation,
    Long since,
    boolean full,
    String etag,
    LocalDate day,
    String modelId,
    String selector,
    String note,
    long budget,
    long bytes,
    Instant builtAt,
    List<ManifestEntry> entries,
    List<ManifestEntry> added,
    List<ManifestEntry> changed,
    List<String> removed,
    List<String> order,
    List<String> notFitted) {}

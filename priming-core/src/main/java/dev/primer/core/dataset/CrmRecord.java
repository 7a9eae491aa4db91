package dev.primer.core.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The metadata of one CRM record; its content travels separately. */
public record CrmRecord(
    String id,
    String accountId,
    RecordType type,
    String title,
    long sizeBytes,
    long version,
    Instant updatedAt,
    List<String> relatedIds) {
  public CrmRecord {
    Ids.require(id, "id");
    Ids.require(accountId, "accountId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    if (sizeBytes <= 0) {
      throw new IllegalArgumentException("sizeBytes must be > 0, was " + sizeBytes);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
    Objects.requireNonNull(updatedAt, "updatedAt");
    relatedIds = relatedIds == null ? List.of() : List.copyOf(relatedIds);
  }
}

package dev.primer.core.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The metadata of one CRM record; its content travels separately. An organisation-wide record (a
 * price book, product rules) has {@link #NO_ACCOUNT} as its account; every other record names one.
 */
public record CrmRecord(
    String id,
    String accountId,
    RecordType type,
    String title,
    long sizeBytes,
    long version,
    Instant updatedAt,
    List<String> relatedIds) {
  /** The account of an organisation-wide record. */
  public static final String NO_ACCOUNT = "";

  public CrmRecord {
    Ids.require(id, "id");
    Objects.requireNonNull(type, "type");
    if (type.organisationWide()) {
      if (!NO_ACCOUNT.equals(accountId)) {
        throw new IllegalArgumentException(
            "a "
                + type.wireName()
                + " belongs to the organisation: accountId must be empty, was "
                + accountId);
      }
    } else {
      Ids.require(accountId, "accountId");
    }
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

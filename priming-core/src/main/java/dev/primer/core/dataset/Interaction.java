package dev.primer.core.dataset;

import java.time.OffsetDateTime;
import java.util.Objects;

/** One time a rep touched a record, with the offset of the rep's local time. */
public record Interaction(String userId, String recordId, OffsetDateTime at, InteractionKind kind) {
  public Interaction {
    Ids.require(userId, "userId");
    Ids.require(recordId, "recordId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
  }
}

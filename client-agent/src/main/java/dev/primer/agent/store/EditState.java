package dev.primer.agent.store;

import dev.primer.protocol.edits.Outcome;
import java.util.Locale;

/** Where an operation of the edit outbox stands: not yet answered, or its final receipt's word. */
public enum EditState {
  /** Made on the device, never sent. */
  PENDING,
  /** Sent at least once, no receipt yet: it is sent again. */
  SENT,
  /** Receipt: applied. */
  APPLIED,
  /** Receipt: merged. */
  MERGED,
  /** Receipt: auto-resolved. */
  AUTO_RESOLVED,
  /** Receipt: needs review; listed by {@code agent conflicts} until resolved. */
  NEEDS_REVIEW,
  /** Receipt: rejected, with the receipt's reason. */
  REJECTED;

  private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The state as the store and the commands write it: {@code pending}, {@code needs-review} ... */
  public String wireName() {
    return wireName;
  }

  /** The state of {@code wireName}; refused when it names none. */
  public static EditState of(String wireName) {
    for (EditState s : values()) {
      if (s.wireName.equals(wireName)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown edit state '" + wireName + "'");
  }

  /** The state a final receipt of {@code outcome} puts an operation in. */
  public static EditState of(Outcome outcome) {
    return switch (outcome) {
      case APPLIED -> APPLIED;
      case MERGED -> MERGED;
      case AUTO_RESOLVED -> AUTO_RESOLVED;
      case NEEDS_REVIEW -> NEEDS_REVIEW;
      case REJECTED -> REJECTED;
    };
  }

  /** Whether the service has given its final receipt. */
  public boolean decided() {
    return this != PENDING && this != SENT;
  }

  /** Whether the service changed the record (the device fetches it then). */
  public boolean changedRecord() {
    return this == APPLIED || this == MERGED || this == AUTO_RESOLVED;
  }
}

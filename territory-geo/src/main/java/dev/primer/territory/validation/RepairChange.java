package dev.primer.territory.validation;

import java.util.Objects;

/** One thing a repair changed in a territory, in words an admin can check. */
public record RepairChange(String territoryId, String description) {
  public RepairChange {
    Objects.requireNonNull(territoryId, "territoryId");
    Objects.requireNonNull(description, "description");
  }

  /** The change on one line: {@code id: repaired: what changed}. */
  public String toLine() {
    return territoryId + ": repaired: " + description;
  }
}

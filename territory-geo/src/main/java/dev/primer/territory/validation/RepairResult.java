package dev.primer.territory.validation;

import dev.primer.territory.Territory;
import java.util.List;

/** The territories after repair, in input order, and what was changed. */
public record RepairResult(List<Territory> territories, List<RepairChange> changes) {
  public RepairResult {
    territories = List.copyOf(territories);
    changes = List.copyOf(changes);
  }
}

package dev.primer.core.selection;

import java.util.List;

/**
 * What a selector chose for one user-day under one budget.
 *
 * @param bytes the total size of the entries, never above the budget
 * @param notFitted guaranteed records that did not fit the budget (catalog indexes)
 * @param note anything a reader should know ("guaranteed tier alone exceeds the budget")
 */
public record Selection(
    String selector,
    long budgetBytes,
    List<SelectionEntry> entries,
    long bytes,
    List<Integer> notFitted,
    String note) {
  public Selection {
    entries = List.copyOf(entries);
    notFitted = List.copyOf(notFitted);
  }
}

package dev.primer.core.selection;

import dev.primer.core.day.DayContext;
import java.util.ArrayList;
import java.util.List;

/** Chooses the records to put on a user's device for a day, under a byte budget. */
public interface Selector {
  /** The name used in reports ("model", "appointments", "recent", ...). */
  String name();

  Selection select(DayContext ctx, long budgetBytes);

  /** One selection per budget; selectors that can share work across budgets override this. */
  default List<Selection> select(DayContext ctx, List<Long> budgets) {
    List<Selection> out = new ArrayList<>();
    for (long budget : budgets) {
      out.add(select(ctx, budget));
    }
    return out;
  }
}

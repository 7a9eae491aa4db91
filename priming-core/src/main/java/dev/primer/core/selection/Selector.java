package dev.primer.core.selection;

import dev.primer.core.day.DayContext;
import java.util.List;

/** Chooses the records to put on a user's device for a day, under a byte budget. */
public interface Selector {
  /** The name used in reports ("model", "appointments", "recent", ...). */
  String name();

  /** One selection per budget, in the order given; the work before the fill is shared. */
  List<Selection> select(DayContext ctx, List<Long> budgets);

  default Selection select(DayContext ctx, long budgetBytes) {
    return select(ctx, List.of(budgetBytes)).get(0);
  }
}

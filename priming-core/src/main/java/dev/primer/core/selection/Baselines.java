package dev.primer.core.selection;

import dev.primer.core.appointments.Appointment;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.day.DayContext;
import dev.primer.core.history.GlobalHistory;
import dev.primer.core.history.UserHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The rules users would otherwise write, as selectors on equal terms with the model: the same
 * context, the same budget, the same first-fit fill.
 */
public final class Baselines {
  private Baselines() {}

  /** Records of accounts with an appointment that day: what rule-based offline profiles do. */
  public static Selector appointments(double minLinkConfidence) {
    return simple(
        "appointments",
        ctx -> {
          Set<Integer> accounts = new LinkedHashSet<>();
          ctx.today().stream()
              .filter(a -> a.confidence() >= minLinkConfidence)
              .sorted(Comparator.comparing(Appointment::start))
              .forEach(a -> accounts.add(a.account()));
          return accountRecords(ctx.catalog(), accounts);
        });
  }

  /** The user's most recently touched records: an LRU snapshot. */
  public static Selector recent() {
    return simple(
        "recent",
        ctx -> {
          UserHistory h = ctx.userHistory();
          return IntStream.of(h.records())
              .boxed()
              .sorted(Comparator.comparingLong(h::lastTouch).reversed().thenComparing(r -> r))
              .toList();
        });
  }

  /** The user's most touched records in the last 30 days: LFU. */
  public static Selector frequent() {
    return simple(
        "frequent",
        ctx -> {
          UserHistory h = ctx.userHistory();
          return IntStream.of(h.records())
              .filter(r -> h.recordCount(r, 30) > 0)
              .boxed()
              .sorted(
                  Comparator.comparingInt((Integer r) -> h.recordCount(r, 30))
                      .reversed()
                      .thenComparing(Comparator.comparingLong(h::lastTouch).reversed())
                      .thenComparing(r -> r))
              .toList();
        });
  }

  /** Accounts in the user's territories, most recently active first, all their records. */
  public static Selector territory() {
    return simple(
        "territory",
        ctx -> {
          GlobalHistory g = ctx.globalHistory();
          List<Integer> accounts =
              IntStream.of(ctx.catalog().accountsInTerritoriesOf(ctx.user()))
                  .boxed()
                  .sorted(
                      Comparator.comparingLong((Integer a) -> g.lastAccountTouch(a))
                          .reversed()
                          .thenComparing(a -> a))
                  .toList();
          return accountRecords(ctx.catalog(), accounts);
        });
  }

  /**
   * The records the user actually touched that day, smallest first: the ceiling any selector can
   * reach. {@code truth} is the evaluator's answer key; no other selector gets one.
   */
  public static Selector oracle(Function<DayContext, int[]> truth) {
    return simple(
        "oracle",
        ctx -> {
          Catalog catalog = ctx.catalog();
          return IntStream.of(truth.apply(ctx))
              .boxed()
              .sorted(
                  Comparator.comparingLong((Integer r) -> catalog.size(r)).thenComparing(r -> r))
              .toList();
        });
  }

  /** The order a person writing rules would sync an account in: small and central first. */
  static List<Integer> accountRecords(Catalog catalog, Iterable<Integer> accounts) {
    List<Integer> out = new ArrayList<>();
    for (int a : accounts) {
      IntStream.of(catalog.recordsOf(a))
          .boxed()
          .sorted(
              Comparator.comparingInt((Integer r) -> ruleOrder(catalog.type(r)))
                  .thenComparingInt(catalog::rank)
                  .thenComparing(r -> r))
          .forEach(out::add);
    }
    return out;
  }

  private static int ruleOrder(RecordType type) {
    return switch (type) {
      case ACCOUNT_PROFILE -> 0;
      case CONTACT -> 1;
      case SERVICE_HISTORY -> 2;
      case PARTS_INVENTORY -> 3;
      case PRICE_LIST -> 4;
      case QUOTE_TEMPLATE, QUOTE -> 5;
      case SCHEMATIC -> 6;
      // Organisation-wide: never an account's record; they come with the price lists.
      case PRICE_BOOK, PRODUCT_RULES -> 7;
    };
  }

  private static Selector simple(String name, Function<DayContext, List<Integer>> order) {
    return new Selector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Selection> select(DayContext ctx, List<Long> budgets) {
        List<Integer> ranked = order.apply(ctx);
        List<Selection> out = new ArrayList<>();
        for (long budget : budgets) {
          BudgetFill fill = new BudgetFill(ctx.catalog(), ctx.readable(), budget);
          for (int r : ranked) {
            fill.offer(r, Tier.PREDICTED, 1.0, name);
            if (fill.full(1)) {
              break;
            }
          }
          out.add(new Selection(name, budget, fill.entries(), fill.bytes(), List.of(), ""));
        }
        return out;
      }
    };
  }
}

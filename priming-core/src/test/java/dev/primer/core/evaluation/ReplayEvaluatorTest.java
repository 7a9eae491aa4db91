package dev.primer.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.appointments.AppointmentSource;
import dev.primer.core.day.DayContext;
import dev.primer.core.selection.BudgetFill;
import dev.primer.core.selection.Selection;
import dev.primer.core.selection.Selector;
import dev.primer.core.selection.Tier;
import dev.primer.core.testing.TinyDataSet;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayEvaluatorTest {
  private static final LocalDate START = LocalDate.of(2026, 3, 2);

  @TempDir Path dir;

  /** Selects everything its context lets it see of the past: the user's and the team's records. */
  private static final class PeekingSelector implements Selector {
    final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

    @Override
    public String name() {
      return "peeking";
    }

    @Override
    public List<Selection> select(DayContext ctx, List<Long> budgets) {
      return budgets.stream().map(b -> selectOne(ctx, b)).toList();
    }

    private Selection selectOne(DayContext ctx, long budget) {
      BudgetFill fill = new BudgetFill(ctx.catalog(), ctx.readable(), budget);
      List<Integer> visible = new ArrayList<>();
      for (int r : ctx.userHistory().records()) {
        visible.add(r);
      }
      for (int r : ctx.teamHistory().records(30)) {
        visible.add(r);
      }
      for (int r : visible) {
        fill.offer(r, Tier.PREDICTED, 1, "");
        seen.add(ctx.day() + " " + ctx.catalog().record(r).id());
      }
      return new Selection(name(), budget, fill.entries(), fill.bytes(), List.of(), "");
    }
  }

  private ReplayData replay(TinyDataSet data) {
    return ReplayData.load(data.writeTo(dir, START, 5), c -> AppointmentSource.none());
  }

  @Test
  void aSelectorNeverSeesTheInteractionsOfTheDayItPredicts() {
    // r6 is touched for the first time on day 3 (09:00 and 23:00), then again on day 4.
    ReplayData data =
        replay(
            new TinyDataSet()
                .touch("u1", "r6", START.plusDays(2), 9)
                .touch("u1", "r6", START.plusDays(2), 23)
                .touch("u1", "r6", START.plusDays(3), 9));
    PeekingSelector peeking = new PeekingSelector();

    List<SelectorMetrics> day3 =
        new ReplayEvaluator(data)
            .evaluate(
                START.plusDays(2),
                START.plusDays(2),
                List.of(1L << 30),
                List.of(peeking),
                true,
                d -> {});
    assertThat(metrics(day3, "peeking").hits()).isZero();
    assertThat(metrics(day3, "peeking").accesses()).isEqualTo(1);
    assertThat(metrics(day3, "oracle").hits()).isEqualTo(1);
    assertThat(peeking.seen).isEmpty();

    List<SelectorMetrics> day4 =
        new ReplayEvaluator(data)
            .evaluate(
                START.plusDays(3),
                START.plusDays(3),
                List.of(1L << 30),
                List.of(peeking),
                false,
                d -> {});
    assertThat(metrics(day4, "peeking").hits()).isEqualTo(1);
    assertThat(peeking.seen).contains(START.plusDays(3) + " r6");
  }

  @Test
  void metricsSumOverUserDaysAndWeighBytes() {
    // Day 1: u1 touches r1 (4,000 bytes) and r3 (5,000,000); the oracle with 1 MB fits only r1.
    ReplayData data =
        replay(new TinyDataSet().touch("u1", "r1", START, 9).touch("u1", "r3", START, 10));
    List<SelectorMetrics> m =
        new ReplayEvaluator(data)
            .evaluate(START, START, List.of(1L << 20), List.of(), true, d -> {});
    SelectorMetrics oracle = metrics(m, "oracle");
    assertThat(oracle.userDays()).isEqualTo(2);
    assertThat(oracle.hitRate()).isEqualTo(0.5);
    assertThat(oracle.byteHitRate()).isEqualTo(4_000 / 5_004_000.0);
    assertThat(oracle.wastedBytesPerUserDay()).isZero();
    assertThat(oracle.recordsPerUserDay()).isEqualTo(0.5);
  }

  private static SelectorMetrics metrics(List<SelectorMetrics> all, String name) {
    return all.stream().filter(m -> m.selector().equals(name)).findFirst().orElseThrow();
  }
}

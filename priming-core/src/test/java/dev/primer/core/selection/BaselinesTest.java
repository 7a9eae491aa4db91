package dev.primer.core.selection;

import static dev.primer.core.testing.TinyWorld.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.testing.TinyWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  private final TinyWorld world = new TinyWorld();

  private List<String> ids(Selection s) {
    return s.entries().stream().map(e -> world.catalog.record(e.record()).id()).toList();
  }

  @Test
  void appointmentsTakesTheDaysAccountsInAppointmentOrderSmallRecordsFirst() {
    world.appointment("a2", DAY, 14, 1.0);
    world.appointment("a1", DAY, 9, 1.0);
    world.appointment("a3", DAY.plusDays(1), 9, 1.0);
    Selection s = Baselines.appointments(0.5).select(world.context("u1", DAY), 1L << 30);
    assertThat(ids(s)).containsExactly("r1", "r2", "r4", "r3", "r5", "r6");
  }

  @Test
  void recentTakesTheLastTouchedFirst() {
    world.touch("u1", "r6", DAY.minusDays(3), 9);
    world.touch("u1", "r2", DAY.minusDays(1), 9);
    world.touch("u1", "r7", DAY.minusDays(2), 9);
    assertThat(ids(Baselines.recent().select(world.context("u1", DAY), 1L << 30)))
        .containsExactly("r2", "r7", "r6");
  }

  @Test
  void frequentTakesTheMostTouchedInThirtyDays() {
    world.touch("u1", "r6", DAY.minusDays(3), 9);
    world.touch("u1", "r6", DAY.minusDays(4), 9);
    world.touch("u1", "r2", DAY.minusDays(1), 9);
    world.touch("u1", "r7", DAY.minusDays(40), 9);
    assertThat(ids(Baselines.frequent().select(world.context("u1", DAY), 1L << 30)))
        .containsExactly("r6", "r2");
  }

  @Test
  void territoryTakesTerritoryAccountsMostRecentlyActiveFirst() {
    world.touch("u2", "r5", DAY.minusDays(1), 9);
    world.touch("u2", "r1", DAY.minusDays(5), 9);
    Selection s = Baselines.territory().select(world.context("u1", DAY), 1L << 30);
    assertThat(ids(s)).containsExactly("r5", "r6", "r1", "r2", "r4", "r3");
  }

  @Test
  void everyBaselineFillsFirstFitWithinTheBudget() {
    world.appointment("a1", DAY, 9, 1.0);
    Selection s = Baselines.appointments(0.5).select(world.context("u1", DAY), 20_000);
    assertThat(ids(s)).containsExactly("r1", "r2", "r4");
    assertThat(s.bytes()).isEqualTo(15_000);
  }

  @Test
  void oracleTakesTheDaysRecordsSmallestFirst() {
    int[] truth = {world.record("r3"), world.record("r2"), world.record("r6")};
    Selection s = Baselines.oracle(ctx -> truth).select(world.context("u1", DAY), 200_000);
    assertThat(ids(s)).containsExactly("r2", "r6");
  }
}

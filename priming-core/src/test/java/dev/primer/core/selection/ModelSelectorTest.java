package dev.primer.core.selection;

import static dev.primer.core.testing.TinyWorld.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.candidates.CandidateGenerator;
import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.features.FeatureMatrix;
import dev.primer.core.scoring.Scorer;
import dev.primer.core.testing.TinyWorld;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelSelectorTest {
  private final TinyWorld world = new TinyWorld();

  /** Scores every candidate the same, so that expected hits per byte favour small records. */
  private static final Scorer FLAT =
      new Scorer() {
        @Override
        public void score(FeatureMatrix features, double[] out) {
          Arrays.fill(out, 0, features.rows(), 0.5);
        }

        @Override
        public String description() {
          return "flat";
        }
      };

  private ModelSelector selector(SelectionSettings settings) {
    CandidateSettings candidates = CandidateSettings.defaults();
    return new ModelSelector(
        "model",
        new CandidateGenerator(candidates),
        new FeatureExtractor(0.5),
        FLAT,
        settings,
        0.5);
  }

  private List<String> ids(Selection s) {
    return s.entries().stream().map(e -> world.catalog.record(e.record()).id()).toList();
  }

  @Test
  void neverExceedsTheBudget() {
    world.appointment("a1", DAY, 9, 1.0);
    for (long budget : List.of(1_000L, 20_000L, 5_100_000L, 50_000_000L)) {
      Selection s = selector(SelectionSettings.defaults()).select(world.context("u1", DAY), budget);
      assertThat(s.bytes()).isLessThanOrEqualTo(budget);
      assertThat(s.entries().stream().mapToLong(e -> world.catalog.size(e.record())).sum())
          .isEqualTo(s.bytes());
    }
  }

  @Test
  void guaranteesTheRecordsOfTodaysAppointmentsWithWhatTheyReferTo() {
    world.appointment("a1", DAY, 9, 1.0);
    Selection s =
        selector(SelectionSettings.defaults()).select(world.context("u1", DAY), 6_000_000);
    List<String> guaranteed =
        s.entries().stream()
            .filter(e -> e.tier() == Tier.GUARANTEED)
            .map(e -> world.catalog.record(e.record()).id())
            .toList();
    assertThat(guaranteed).containsExactlyInAnyOrder("r1", "r2", "r3", "r4");
    assertThat(s.entries().stream().filter(e -> e.tier() == Tier.GUARANTEED))
        .allSatisfy(e -> assertThat(e.reason()).startsWith("appointment Tue 09:00 at ACME Pumps"));
    assertThat(s.notFitted()).isEmpty();
  }

  @Test
  void reportsGuaranteedRecordsThatDoNotFitInsteadOfDroppingThemSilently() {
    world.appointment("a1", DAY, 9, 1.0);
    Selection s = selector(SelectionSettings.defaults()).select(world.context("u1", DAY), 100_000);
    assertThat(ids(s)).contains("r1", "r2", "r4").doesNotContain("r3");
    assertThat(s.notFitted()).containsExactly(world.record("r3"));
    assertThat(s.note()).contains("1 guaranteed records (5000000 bytes) did not fit the budget");
  }

  @Test
  void pinnedRecordsComeFirstEvenWithoutAppointments() {
    Selection s =
        selector(SelectionSettings.defaults())
            .select(world.context("u1", DAY, Set.of(world.record("r8"))), 8_000_000);
    assertThat(s.entries().get(0).record()).isEqualTo(world.record("r8"));
    assertThat(s.entries().get(0).tier()).isEqualTo(Tier.GUARANTEED);
    assertThat(s.entries().get(0).reason()).isEqualTo("pinned by an admin");
  }

  @Test
  void aTypeCapLimitsOnlyThePredictedTier() {
    SelectionSettings capped = new SelectionSettings(Map.of(RecordType.SCHEMATIC, 0.1), true);
    // Territory candidates include both schematics; none fits a 10% share of 20 MB.
    Selection s = selector(capped).select(world.context("u1", DAY), 20_000_000);
    assertThat(ids(s)).doesNotContain("r3", "r8").contains("r1", "r5");
    world.appointment("a1", DAY, 9, 1.0);
    Selection withAppointment = selector(capped).select(world.context("u1", DAY), 20_000_000);
    assertThat(ids(withAppointment)).contains("r3");
  }

  @Test
  void predictedTierPrefersExpectedHitsPerByte() {
    Selection s = selector(SelectionSettings.defaults()).select(world.context("u1", DAY), 200_000);
    // a3 lies outside the territory and nobody touched it: it is no candidate at all.
    assertThat(ids(s)).containsExactlyInAnyOrder("r1", "r2", "r4", "r5", "r6");
    assertThat(s.entries()).allSatisfy(e -> assertThat(e.tier()).isEqualTo(Tier.PREDICTED));
  }

  @Test
  void scoringHalfTheCandidatesOnAHelperGivesTheSameScores() throws Exception {
    world.appointment("a1", DAY, 9, 1.0);
    // Scores that follow the features, so that a row scored in the wrong place would show.
    Scorer byFeatures =
        new Scorer() {
          @Override
          public void score(FeatureMatrix features, double[] out) {
            for (int i = 0; i < features.rows(); i++) {
              double sum = 0;
              for (int j = 0; j < features.width(); j++) {
                sum += (j + 1) * features.values()[i * features.width() + j];
              }
              out[i] = sum;
            }
          }

          @Override
          public String description() {
            return "by features";
          }
        };
    ModelSelector selector =
        new ModelSelector(
            "model",
            new CandidateGenerator(CandidateSettings.defaults()),
            new FeatureExtractor(0.5),
            byFeatures,
            SelectionSettings.defaults(),
            0.5);
    var ctx = world.context("u1", DAY);
    var candidates = new CandidateGenerator(CandidateSettings.defaults()).generate(ctx);
    assertThat(candidates.size()).isGreaterThanOrEqualTo(4);
    double[] alone = selector.score(ctx, candidates).scores();

    java.util.concurrent.ExecutorService helper =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    java.util.concurrent.atomic.AtomicInteger handed =
        new java.util.concurrent.atomic.AtomicInteger();
    try {
      double[] split =
          selector
              .score(
                  ctx,
                  candidates,
                  work -> {
                    handed.incrementAndGet();
                    helper.execute(work);
                  },
                  2)
              .scores();
      double[] refused =
          selector
              .score(
                  ctx,
                  candidates,
                  work -> {
                    throw new java.util.concurrent.RejectedExecutionException("busy");
                  },
                  2)
              .scores();
      assertThat(handed).hasValue(1);
      assertThat(split).containsExactly(alone);
      assertThat(refused).containsExactly(alone);
      assertThat(Arrays.stream(alone).distinct().count()).isGreaterThan(1);
    } finally {
      helper.shutdownNow();
    }
  }

  @Test
  void recordsWithTheSameHistoryShareOneReasonText() {
    for (String r : List.of("r5", "r6")) {
      world.touch("u1", r, DAY.minusDays(3), 10);
      world.touch("u1", r, DAY.minusDays(5), 10);
    }
    Selection s =
        selector(SelectionSettings.defaults()).select(world.context("u1", DAY), 50_000_000L);

    Map<String, String> reasons = new java.util.HashMap<>();
    s.entries().forEach(e -> reasons.put(world.catalog.record(e.record()).id(), e.reason()));
    assertThat(reasons.get("r5")).endsWith("viewed 2\u00d7 in 30 days");
    assertThat(reasons.get("r6")).isEqualTo(reasons.get("r5")).isSameAs(reasons.get("r5"));
  }
}

package dev.primer.core.features;

import static dev.primer.core.testing.TinyWorld.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.core.day.DayContext;
import dev.primer.core.testing.TinyWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
  private final TinyWorld world = new TinyWorld();
  private final FeatureExtractor extractor = new FeatureExtractor(0.5);

  private double feature(DayContext ctx, String record, String name) {
    FeatureMatrix m = extractor.extract(ctx, new int[] {world.record(record)});
    return m.get(0, FeatureExtractor.SCHEMA.names().indexOf(name));
  }

  @Test
  void schemaHashIsStableAndNamesAreUnique() {
    List<String> names = FeatureExtractor.SCHEMA.names();
    assertThat(names).doesNotHaveDuplicates();
    assertThat(FeatureExtractor.SCHEMA.hash())
        .hasSize(16)
        .isEqualTo(FeatureExtractor.SCHEMA.hash());
    assertThat(extractor.extract(world.context("u1", DAY), new int[] {0}).width())
        .isEqualTo(names.size());
  }

  @Test
  void appointmentFeaturesCountTodayAndTomorrowAndMeasureTheWait() {
    world.appointment("a1", DAY, 9, 0.9);
    world.appointment("a1", DAY.plusDays(1), 14, 1.0);
    world.appointment("a2", DAY.minusDays(1), 10, 1.0);
    DayContext ctx = world.context("u1", DAY);

    assertThat(feature(ctx, "r2", "appt_today")).isEqualTo(1);
    assertThat(feature(ctx, "r2", "appt_tomorrow")).isEqualTo(1);
    assertThat(feature(ctx, "r2", "days_to_next_appt")).isCloseTo(9 / 24.0, within(1e-9));
    assertThat(feature(ctx, "r2", "appt_confidence")).isEqualTo(1.0);
    assertThat(feature(ctx, "r2", "any_appt_soon")).isEqualTo(1);
    assertThat(feature(ctx, "r5", "appt_yesterday")).isEqualTo(1);
    assertThat(feature(ctx, "r5", "appt_today")).isZero();
    assertThat(feature(ctx, "r5", "days_to_next_appt")).isEqualTo(2);
  }

  @Test
  void linksBelowTheConfidenceThresholdAreIgnored() {
    world.appointment("a1", DAY, 9, 0.3);
    assertThat(feature(world.context("u1", DAY), "r1", "appt_today")).isZero();
  }

  @Test
  void distanceToTheNearestAppointmentIsInTensOfKilometres() {
    world.appointment("a1", DAY, 9, 1.0);
    DayContext ctx = world.context("u1", DAY);
    // a2 is about 1.4 km from a1; a3 is about 50 km away, beyond the 50 km cap.
    assertThat(feature(ctx, "r5", "tens_km_to_appt_today")).isBetween(0.1, 0.2);
    assertThat(feature(ctx, "r7", "tens_km_to_appt_today")).isEqualTo(5);
    assertThat(feature(ctx, "r1", "tens_km_to_appt_today")).isZero();
  }

  @Test
  void territoryAndOwnershipFeaturesFollowTheGeometry() {
    DayContext ctx = world.context("u1", DAY);
    assertThat(feature(ctx, "r1", "in_territory")).isEqualTo(1);
    assertThat(feature(ctx, "r7", "in_territory")).isZero();
    assertThat(feature(ctx, "r1", "owned_by_user")).isEqualTo(1);
    assertThat(feature(world.context("u2", DAY), "r1", "owned_by_user")).isZero();
  }

  @Test
  void historyFeaturesCountOnlyWhatHappenedBeforeTheDay() {
    world.touch("u1", "r6", DAY.minusDays(7), 9);
    world.touch("u1", "r6", DAY.minusDays(14), 9);
    world.touch("u1", "r6", DAY.minusDays(2), 9);
    world.touch("u2", "r6", DAY.minusDays(1), 9);
    world.touch("u1", "r6", DAY, 8);
    DayContext ctx = world.context("u1", DAY);

    assertThat(feature(ctx, "r6", "user_record_30d")).isCloseTo(Math.log1p(3), within(1e-12));
    assertThat(feature(ctx, "r6", "user_record_1d")).isZero();
    assertThat(feature(ctx, "r6", "same_weekday_habit")).isEqualTo(2 / 8.0);
    assertThat(feature(ctx, "r6", "team_record_7d")).isCloseTo(Math.log1p(3), within(1e-12));
    assertThat(feature(ctx, "r6", "all_record_30d")).isCloseTo(Math.log1p(4), within(1e-12));
    assertThat(feature(ctx, "r6", "months_since_user_record"))
        .isCloseTo((1 + 15 / 24.0) / 30.0, within(1e-9));
  }

  @Test
  void recordFeaturesDescribeTypeSizeAndRole() {
    DayContext ctx = world.context("u1", DAY);
    assertThat(feature(ctx, "r3", "type_schematic")).isEqualTo(1);
    assertThat(feature(ctx, "r3", "type_contact")).isZero();
    assertThat(feature(ctx, "r3", "sales_x_schematic")).isEqualTo(1);
    assertThat(feature(world.context("u2", DAY), "r3", "sales_x_schematic")).isZero();
    assertThat(feature(ctx, "r3", "log_size_kb"))
        .isCloseTo(Math.log1p(5_000_000 / 1024.0), within(1e-9));
    assertThat(feature(ctx, "r3", "user_is_sales")).isEqualTo(1);
  }

  @Test
  void blocksHoldTheSameRowsAsOneMatrixInOrder() {
    DayContext ctx = world.context("u1", DAY);
    int n = world.catalog.recordCount();
    // Every record twice: more rows than the blocks, and a last block that is not full.
    int[] records = new int[2 * n];
    for (int i = 0; i < records.length; i++) {
      records[i] = i % n;
    }
    FeatureMatrix whole = extractor.extract(ctx, records);
    double[] joined = new double[whole.values().length];
    int[] next = {0};
    extractor.extractInBlocks(
        ctx,
        records,
        3,
        (from, block) -> {
          assertThat(from).isEqualTo(next[0]);
          assertThat(block.rows()).isBetween(1, 3);
          System.arraycopy(
              block.values(), 0, joined, from * whole.width(), block.rows() * whole.width());
          next[0] += block.rows();
        });
    assertThat(next[0]).isEqualTo(records.length);
    assertThat(joined).containsExactly(whole.values());
  }
}

package dev.primer.core.features;

import dev.primer.core.appointments.Appointment;
import dev.primer.core.candidates.Candidates;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.catalog.Catalog.TerritoryRelation;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.UserRole;
import dev.primer.core.day.DayContext;
import dev.primer.core.history.GlobalHistory;
import dev.primer.core.history.TeamHistory;
import dev.primer.core.history.UserHistory;
import dev.primer.core.util.IntSlots;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.Geodesy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one definition of Primer's features. Training and serving both call this, so a model sees the
 * same inputs in both. Account-level features are computed once per account and day.
 */
public final class FeatureExtractor {
  // Features are kept near unit scale, so linear models need no separate standardisation.
  private static final double NO_APPOINTMENT_DAYS = 2;
  private static final double FAR_TENS_KM = 5;
  private static final double LONG_AGO_DAYS = 120;

  /**
   * The record types with a column of their own, fixed by the schema: a type added later (quotes,
   * and the organisation-wide price books and rules, which are never scored) has none until a new
   * schema gives it one, so published models keep their inputs.
   */
  private static final RecordType[] TYPES = {
    RecordType.ACCOUNT_PROFILE,
    RecordType.CONTACT,
    RecordType.SERVICE_HISTORY,
    RecordType.SCHEMATIC,
    RecordType.PARTS_INVENTORY,
    RecordType.PRICE_LIST,
    RecordType.QUOTE_TEMPLATE
  };

  /** Per type ordinal, its column among {@link #TYPES}, or -1. */
  private static final int[] TYPE_COLUMN = typeColumns();

  private static int[] typeColumns() {
    int[] columns = new int[RecordType.values().length];
    java.util.Arrays.fill(columns, -1);
    for (int k = 0; k < TYPES.length; k++) {
      columns[TYPES[k].ordinal()] = k;
    }
    return columns;
  }

  /** Features of the account the record belongs to. */
  private static final List<Feature> ACCOUNT_FEATURES =
      List.of(
          new Feature("appt_today", "appointments at the account on the day"),
          new Feature("appt_tomorrow", "appointments at the account the next day"),
          new Feature("appt_yesterday", "appointments at the account the day before"),
          new Feature(
              "days_to_next_appt",
              "days from the day's start to the next appointment there, 2 if none"),
          new Feature(
              "appt_confidence",
              "best link confidence of today's and tomorrow's appointments there"),
          new Feature(
              "tens_km_to_appt_today",
              "tens of km to the nearest account with an appointment today, 5 if none"),
          new Feature(
              "tens_km_to_appt_tomorrow",
              "tens of km to the nearest account with an appointment tomorrow, 5 if none"),
          new Feature("in_territory", "1 if the account lies in one of the user's territories"),
          new Feature(
              "tens_km_to_territory_edge",
              "tens of km from the account to the edge of the user's territories, at most 2"),
          new Feature("owned_by_user", "1 if the user owns the account"),
          new Feature(
              "user_account_7d", "log(1 + the user's touches of the account's records in 7 days)"),
          new Feature(
              "user_account_30d",
              "log(1 + the user's touches of the account's records in 30 days)"),
          new Feature(
              "months_since_user_account",
              "30-day months since the user last touched the account, at most 4"),
          new Feature("team_account_3d", "log(1 + the team's touches of the account in 3 days)"),
          new Feature("team_account_30d", "log(1 + the team's touches of the account in 30 days)"),
          new Feature("all_account_30d", "log(1 + everybody's touches of the account in 30 days)"));

  /** Features of the record itself. */
  private static final List<Feature> RECORD_FEATURES =
      List.of(
          new Feature("user_record_1d", "log(1 + the user's touches of the record in 1 day)"),
          new Feature("user_record_7d", "log(1 + the user's touches of the record in 7 days)"),
          new Feature("user_record_30d", "log(1 + the user's touches of the record in 30 days)"),
          new Feature("user_record_90d", "log(1 + the user's touches of the record in 90 days)"),
          new Feature(
              "months_since_user_record",
              "30-day months since the user last touched the record, at most 4"),
          new Feature(
              "same_weekday_habit",
              "share of the last 8 same weekdays on which the user touched it"),
          new Feature("team_record_7d", "log(1 + the team's touches of the record in 7 days)"),
          new Feature("team_record_30d", "log(1 + the team's touches of the record in 30 days)"),
          new Feature("all_record_30d", "log(1 + everybody's touches of the record in 30 days)"),
          new Feature("all_record_90d", "log(1 + everybody's touches of the record in 90 days)"),
          new Feature("log_size_kb", "log(1 + size in KiB)"),
          new Feature("log_days_since_update", "log(1 + days since the record last changed)"),
          new Feature(
              "log_rank_in_type",
              "log(1 + rank), rank 0 for the newest record of its type at the account"),
          new Feature("user_is_sales", "1 for a sales rep, 0 for a service technician"),
          new Feature("any_appt_soon", "1 if the account has an appointment today or tomorrow"));

  public static final FeatureSchema SCHEMA = buildSchema();

  private static FeatureSchema buildSchema() {
    List<Feature> all = new ArrayList<>(ACCOUNT_FEATURES);
    all.addAll(RECORD_FEATURES);
    for (RecordType type : TYPES) {
      all.add(new Feature("type_" + type.wireName(), "1 if the record is a " + type.wireName()));
    }
    for (RecordType type : TYPES) {
      all.add(
          new Feature(
              "sales_x_" + type.wireName(),
              "1 if the record is a " + type.wireName() + " and the user sells"));
    }
    return new FeatureSchema("primer-features-1", all);
  }

  private static final int ACCOUNT_WIDTH = ACCOUNT_FEATURES.size();
  private static final int RECORD_OFFSET = ACCOUNT_WIDTH;
  private static final int TYPE_OFFSET = ACCOUNT_WIDTH + RECORD_FEATURES.size();
  private static final int CROSS_OFFSET = TYPE_OFFSET + TYPES.length;
  private static final int WIDTH = CROSS_OFFSET + TYPES.length;

  private final double minLinkConfidence;

  public FeatureExtractor(double minLinkConfidence) {
    this.minLinkConfidence = minLinkConfidence;
  }

  public FeatureSchema schema() {
    return SCHEMA;
  }

  /** The features of every candidate, one row each, in candidate order. */
  public FeatureMatrix extract(DayContext ctx, Candidates candidates) {
    return extract(ctx, candidates.records());
  }

  /** The features of the given records for the user-day, one row each. */
  public FeatureMatrix extract(DayContext ctx, int[] records) {
    double[] values = new double[records.length * WIDTH];
    Day day = new Day(ctx);
    for (int i = 0; i < records.length; i++) {
      day.row(records[i], values, i * WIDTH);
    }
    return new FeatureMatrix(records.length, WIDTH, values);
  }

  /** Receives one block of feature rows. */
  @FunctionalInterface
  public interface BlockConsumer {
    /**
     * {@code block} holds the rows of {@code records[from]} onwards; its array is reused for the
     * next block, so the consumer must be done with it when it returns.
     */
    void accept(int from, FeatureMatrix block);
  }

  /**
   * The features of the given records in blocks of at most {@code blockRows} rows, in order, the
   * same rows as {@link #extract(DayContext, int[])}. For scoring many candidates without one
   * matrix of them all (50,000 candidates make 18 MB, which the JVM allocates outside the young
   * generation and collects late).
   */
  public void extractInBlocks(
      DayContext ctx, int[] records, int blockRows, BlockConsumer consumer) {
    if (blockRows < 1) {
      throw new IllegalArgumentException("blockRows must be >= 1, was " + blockRows);
    }
    double[] values = new double[Math.min(blockRows, records.length) * WIDTH];
    Day day = new Day(ctx);
    for (int from = 0; from < records.length; from += blockRows) {
      int rows = Math.min(blockRows, records.length - from);
      for (int i = 0; i < rows; i++) {
        day.row(records[from + i], values, i * WIDTH);
      }
      consumer.accept(from, new FeatureMatrix(rows, WIDTH, values));
    }
  }

  /** Per-day state: the appointment geometry and the account rows already computed. */
  private final class Day {
    private final DayContext ctx;
    private final Catalog catalog;
    private final UserHistory user;
    private final TeamHistory team;
    private final GlobalHistory global;
    private final boolean sales;
    private final GeoPoint[] todayPoints;
    private final GeoPoint[] tomorrowPoints;
    private final IntSlots accountSlots = new IntSlots(512);
    private double[] accountRows = new double[512 * ACCOUNT_WIDTH];

    Day(DayContext ctx) {
      this.ctx = ctx;
      this.catalog = ctx.catalog();
      this.user = ctx.userHistory();
      this.team = ctx.teamHistory();
      this.global = ctx.globalHistory();
      this.sales = catalog.user(ctx.user()).role() == UserRole.SALES;
      this.todayPoints = points(ctx.today());
      this.tomorrowPoints = points(ctx.tomorrow());
    }

    private GeoPoint[] points(List<Appointment> appointments) {
      return appointments.stream()
          .filter(a -> a.confidence() >= minLinkConfidence)
          .map(a -> catalog.account(a.account()).location())
          .toArray(GeoPoint[]::new);
    }

    void row(int r, double[] out, int at) {
      int a = catalog.accountOf(r);
      int slot = accountSlots.get(a);
      if (slot < 0) {
        slot = accountSlots.slotOf(a);
        if ((slot + 1) * ACCOUNT_WIDTH > accountRows.length) {
          accountRows = Arrays.copyOf(accountRows, accountRows.length * 2);
        }
        accountRow(a, accountRows, slot * ACCOUNT_WIDTH);
      }
      System.arraycopy(accountRows, slot * ACCOUNT_WIDTH, out, at, ACCOUNT_WIDTH);

      int o = at + RECORD_OFFSET;
      out[o] = Math.log1p(user.recordCount(r, 1));
      out[o + 1] = Math.log1p(user.recordCount(r, 7));
      out[o + 2] = Math.log1p(user.recordCount(r, 30));
      out[o + 3] = Math.log1p(user.recordCount(r, 90));
      out[o + 4] = user.daysSinceRecord(r, LONG_AGO_DAYS) / 30.0;
      out[o + 5] = user.sameWeekdayWeeks(r) / 8.0;
      out[o + 6] = Math.log1p(team.recordCount(r, 7));
      out[o + 7] = Math.log1p(team.recordCount(r, 30));
      out[o + 8] = Math.log1p(global.recordCount(r, 30));
      out[o + 9] = Math.log1p(global.recordCount(r, 90));
      out[o + 10] = Math.log1p(catalog.size(r) / 1024.0);
      double staleDays =
          Math.max(
              0,
              (ctx.asOf().getEpochSecond() - catalog.record(r).updatedAt().getEpochSecond())
                  / 86_400.0);
      out[o + 11] = Math.log1p(Math.min(3650, staleDays));
      out[o + 12] = Math.log1p(catalog.rank(r));
      out[o + 13] = sales ? 1 : 0;
      out[o + 14] = out[at] + out[at + 1] > 0 ? 1 : 0;
      int type = TYPE_COLUMN[catalog.typeOrdinal(r)];
      for (int k = 0; k < TYPES.length; k++) {
        out[at + TYPE_OFFSET + k] = 0;
        out[at + CROSS_OFFSET + k] = 0;
      }
      if (type >= 0) {
        out[at + TYPE_OFFSET + type] = 1;
        out[at + CROSS_OFFSET + type] = sales ? 1 : 0;
      }
    }

    private void accountRow(int a, double[] out, int at) {
      int today = 0;
      int tomorrow = 0;
      int yesterday = 0;
      double days = NO_APPOINTMENT_DAYS;
      double confidence = 0;
      long start = ctx.asOf().getEpochSecond();
      for (Appointment appt : ctx.today()) {
        if (appt.account() == a && appt.confidence() >= minLinkConfidence) {
          today++;
          days = Math.min(days, Math.max(0, (appt.start().getEpochSecond() - start) / 86_400.0));
          confidence = Math.max(confidence, appt.confidence());
        }
      }
      for (Appointment appt : ctx.tomorrow()) {
        if (appt.account() == a && appt.confidence() >= minLinkConfidence) {
          tomorrow++;
          days = Math.min(days, Math.max(0, (appt.start().getEpochSecond() - start) / 86_400.0));
          confidence = Math.max(confidence, appt.confidence());
        }
      }
      for (Appointment appt : ctx.yesterday()) {
        if (appt.account() == a && appt.confidence() >= minLinkConfidence) {
          yesterday++;
        }
      }
      GeoPoint here = catalog.account(a).location();
      TerritoryRelation relation = catalog.relation(ctx.user(), a);
      out[at] = today;
      out[at + 1] = tomorrow;
      out[at + 2] = yesterday;
      out[at + 3] = days;
      out[at + 4] = confidence;
      out[at + 5] = nearestTensOfKm(here, todayPoints);
      out[at + 6] = nearestTensOfKm(here, tomorrowPoints);
      out[at + 7] = relation.inside() ? 1 : 0;
      out[at + 8] = Math.min(2, relation.kmToBoundary() / 10);
      out[at + 9] = catalog.owner(a) == ctx.user() ? 1 : 0;
      out[at + 10] = Math.log1p(user.accountCount(a, 7));
      out[at + 11] = Math.log1p(user.accountCount(a, 30));
      out[at + 12] = user.daysSinceAccount(a, LONG_AGO_DAYS) / 30.0;
      out[at + 13] = Math.log1p(team.accountCount(a, 3));
      out[at + 14] = Math.log1p(team.accountCount(a, 30));
      out[at + 15] = Math.log1p(global.accountCount30(a));
    }

    private static double nearestTensOfKm(GeoPoint here, GeoPoint[] points) {
      double best = FAR_TENS_KM;
      for (GeoPoint p : points) {
        best = Math.min(best, Geodesy.distanceMeters(here, p) / 10_000.0);
      }
      return best;
    }
  }
}

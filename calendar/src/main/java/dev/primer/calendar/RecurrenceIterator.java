package dev.primer.calendar;

import dev.primer.calendar.RecurrenceRule.ByDay;
import dev.primer.calendar.RecurrenceRule.Frequency;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The instances of one RRULE in wall-clock time, in order: DTSTART first (RFC 5545 counts it as the
 * first instance), then every candidate of every period, period by period.
 *
 * <p>It works in local time on purpose: a weekly 09:00 visit stays at 09:00 across DST; the caller
 * turns each instance into an instant in the event's zone. It is bounded three ways: it stops at
 * the first period that starts after {@code horizon}, after UNTIL or COUNT, and after {@code
 * maxSteps} periods (then {@link #stepLimitHit()} is true). When the caller only needs instances
 * from {@code from} on, it jumps straight to that period unless COUNT forces it to count from the
 * start.
 */
final class RecurrenceIterator implements Iterator<LocalDateTime> {
  private static final int MAX_YEAR = 9999;

  private final RecurrenceRule rule;
  private final Frequency frequency;
  private final LocalDateTime dtstart;
  private final Optional<LocalDateTime> until;
  private final LocalDateTime horizon;
  private final long maxSteps;

  private final boolean[] months = new boolean[13];
  private final boolean[] plainWeekdays = new boolean[8];
  private final List<ByDay> ordinalWeekdays = new ArrayList<>();
  private final List<Integer> monthDays;
  private final boolean byDayInMonth;
  private final LocalTime[] times;
  private final int[] minutes;
  private final int[] seconds;
  private final LocalDateTime base;
  private final long stepSeconds;

  private final ArrayDeque<LocalDateTime> buffer = new ArrayDeque<>();
  private long period;
  private long steps;
  private int produced;
  private boolean startPending = true;
  private boolean done;
  private boolean stepLimitHit;

  /**
   * @param until inclusive, already in the same wall-clock frame as {@code dtstart}
   * @param from the earliest instance the caller needs; earlier periods may be skipped
   * @param horizon no period that starts after this is examined
   */
  RecurrenceIterator(
      RecurrenceRule rule,
      LocalDateTime dtstart,
      boolean dateOnly,
      Optional<LocalDateTime> until,
      LocalDateTime from,
      LocalDateTime horizon,
      long maxSteps) {
    this.rule = rule;
    this.frequency =
        dateOnly && rule.frequency().compareTo(Frequency.DAILY) < 0
            ? Frequency.DAILY
            : rule.frequency();
    this.dtstart = dtstart;
    this.until = until;
    this.horizon = horizon;
    this.maxSteps = maxSteps;

    DtstartDefaults effective = DtstartDefaults.of(rule, frequency, dtstart);
    List<Integer> effectiveMonths = effective.months();
    for (int m : effectiveMonths) {
      months[m] = true;
    }
    if (effectiveMonths.isEmpty()) {
      Arrays.fill(months, true);
    }
    for (ByDay d : effective.days()) {
      boolean ordinalApplies = frequency == Frequency.MONTHLY || frequency == Frequency.YEARLY;
      if (d.ordinal() == 0 || !ordinalApplies || !rule.byWeekNo().isEmpty()) {
        plainWeekdays[d.day().getValue()] = true;
      } else {
        ordinalWeekdays.add(d);
      }
    }
    this.monthDays = effective.monthDays();
    this.byDayInMonth =
        frequency == Frequency.MONTHLY
            || (frequency == Frequency.YEARLY && !rule.byMonth().isEmpty());
    this.minutes = orDefault(rule.byMinute(), dtstart.getMinute());
    this.seconds = orDefault(rule.bySecond(), dtstart.getSecond());
    this.times = dateOnly ? new LocalTime[] {LocalTime.MIDNIGHT} : dayTimes();
    this.base = periodBase();
    this.stepSeconds = stepSeconds();

    if (from.isAfter(dtstart)) {
      long skip = periodIndexAtOrBefore(from);
      if (rule.count().isEmpty()) {
        period = skip;
        startPending = false;
      } else if (onePerPeriod() && skip > 0) {
        period = skip;
        produced = (int) Math.min(Integer.MAX_VALUE, skip);
        startPending = false;
      }
    }
  }

  /** True when iteration stopped because the step budget ran out, not because the rule ended. */
  boolean stepLimitHit() {
    return stepLimitHit;
  }

  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && !done) {
      fill();
    }
    return !buffer.isEmpty();
  }

  @Override
  public LocalDateTime next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.poll();
  }

  private void fill() {
    if (startPending) {
      startPending = false;
      offer(dtstart);
      return;
    }
    if (steps >= maxSteps) {
      stepLimitHit = true;
      done = true;
      return;
    }
    steps++;
    LocalDateTime start = periodStart(period);
    if (start.isAfter(horizon) || start.getYear() > MAX_YEAR) {
      done = true;
      return;
    }
    if (frequency.compareTo(Frequency.DAILY) < 0 && skipToNextMatchingPeriod(start)) {
      return;
    }
    for (LocalDateTime candidate : candidates(start)) {
      if (!candidate.isAfter(dtstart)) {
        continue;
      }
      if (until.isPresent() && candidate.isAfter(until.get())) {
        done = true;
        return;
      }
      offer(candidate);
      if (done) {
        return;
      }
    }
    period++;
  }

  private void offer(LocalDateTime instance) {
    if (rule.count().isPresent() && produced >= rule.count().getAsInt()) {
      done = true;
      return;
    }
    produced++;
    buffer.add(instance);
    if (rule.count().isPresent() && produced >= rule.count().getAsInt()) {
      done = true;
    }
  }

  /**
   * Sub-daily rules on a day, hour or minute that cannot match jump to the next one that might, so
   * that FREQ=SECONDLY;BYMONTH=1 does not walk every second of February.
   */
  private boolean skipToNextMatchingPeriod(LocalDateTime start) {
    LocalDateTime next = null;
    if (!dayMatches(start.toLocalDate())) {
      next = start.toLocalDate().plusDays(1).atStartOfDay();
    } else if (frequency != Frequency.HOURLY && !contains(rule.byHour(), start.getHour())) {
      next = start.truncatedTo(ChronoUnit.HOURS).plusHours(1);
    } else if (frequency == Frequency.SECONDLY && !contains(rule.byMinute(), start.getMinute())) {
      next = start.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    }
    if (next == null) {
      return false;
    }
    long elapsed = seconds(next) - seconds(base);
    period = Math.max(period + 1, Math.floorDiv(elapsed + stepSeconds - 1, stepSeconds));
    return true;
  }

  private List<LocalDateTime> candidates(LocalDateTime start) {
    List<LocalDateTime> out = new ArrayList<>();
    switch (frequency) {
      case YEARLY -> {
        int year = start.getYear();
        for (int m = 1; m <= 12; m++) {
          if (months[m]) {
            addDays(out, LocalDate.of(year, m, 1), YearMonth.of(year, m).lengthOfMonth());
          }
        }
      }
      case MONTHLY -> {
        if (months[start.getMonthValue()]) {
          addDays(out, start.toLocalDate(), start.toLocalDate().lengthOfMonth());
        }
      }
      case WEEKLY -> addDays(out, start.toLocalDate(), 7);
      case DAILY -> addDays(out, start.toLocalDate(), 1);
      case HOURLY -> {
        if (contains(rule.byHour(), start.getHour())) {
          for (int m : minutes) {
            for (int s : seconds) {
              out.add(start.withMinute(m).withSecond(s));
            }
          }
        }
      }
      case MINUTELY -> {
        if (contains(rule.byMinute(), start.getMinute())) {
          for (int s : seconds) {
            out.add(start.withSecond(s));
          }
        }
      }
      case SECONDLY -> {
        if (contains(rule.bySecond(), start.getSecond())) {
          out.add(start);
        }
      }
    }
    return rule.bySetPos().isEmpty() ? out : setPositions(out);
  }

  private void addDays(List<LocalDateTime> out, LocalDate first, int days) {
    for (int i = 0; i < days; i++) {
      LocalDate day = first.plusDays(i);
      if (dayMatches(day)) {
        for (LocalTime time : times) {
          out.add(day.atTime(time));
        }
      }
    }
  }

  private List<LocalDateTime> setPositions(List<LocalDateTime> sorted) {
    TreeSet<LocalDateTime> picked = new TreeSet<>();
    for (int pos : rule.bySetPos()) {
      int index = pos > 0 ? pos - 1 : sorted.size() + pos;
      if (index >= 0 && index < sorted.size()) {
        picked.add(sorted.get(index));
      }
    }
    return new ArrayList<>(picked);
  }

  private boolean dayMatches(LocalDate day) {
    if (!months[day.getMonthValue()]) {
      return false;
    }
    if (!monthDays.isEmpty()
        && !matchesIndex(monthDays, day.getDayOfMonth(), day.lengthOfMonth())) {
      return false;
    }
    if (!rule.byYearDay().isEmpty()
        && !matchesIndex(rule.byYearDay(), day.getDayOfYear(), day.lengthOfYear())) {
      return false;
    }
    if (!rule.byWeekNo().isEmpty() && !weekNumberMatches(day)) {
      return false;
    }
    return weekdayMatches(day);
  }

  private boolean weekdayMatches(LocalDate day) {
    if (ordinalWeekdays.isEmpty() && !anyPlainWeekday()) {
      return true;
    }
    if (plainWeekdays[day.getDayOfWeek().getValue()]) {
      return true;
    }
    for (ByDay d : ordinalWeekdays) {
      if (d.day() != day.getDayOfWeek()) {
        continue;
      }
      int index = byDayInMonth ? day.getDayOfMonth() : day.getDayOfYear();
      int length = byDayInMonth ? day.lengthOfMonth() : day.lengthOfYear();
      int fromStart = (index - 1) / 7 + 1;
      int fromEnd = -((length - index) / 7 + 1);
      if (d.ordinal() == fromStart || d.ordinal() == fromEnd) {
        return true;
      }
    }
    return false;
  }

  private boolean anyPlainWeekday() {
    for (int i = 1; i <= 7; i++) {
      if (plainWeekdays[i]) {
        return true;
      }
    }
    return false;
  }

  /** Week numbers as RFC 5545 counts them: week 1 is the first with four days in the year. */
  private boolean weekNumberMatches(LocalDate day) {
    int weekYear = day.getYear();
    LocalDate firstWeek = firstWeekStart(weekYear);
    if (day.isBefore(firstWeek)) {
      weekYear--;
      firstWeek = firstWeekStart(weekYear);
    } else if (!day.isBefore(firstWeekStart(weekYear + 1))) {
      weekYear++;
      firstWeek = firstWeekStart(weekYear);
    }
    int week = (int) (ChronoUnit.DAYS.between(firstWeek, day) / 7) + 1;
    int weeksInYear = (int) (ChronoUnit.DAYS.between(firstWeek, firstWeekStart(weekYear + 1)) / 7);
    return matchesIndex(rule.byWeekNo(), week, weeksInYear);
  }

  private LocalDate firstWeekStart(int year) {
    LocalDate weekOfJanFirst =
        LocalDate.of(year, 1, 1).with(TemporalAdjusters.previousOrSame(rule.weekStart()));
    long daysInYear = 7 - ChronoUnit.DAYS.between(weekOfJanFirst, LocalDate.of(year, 1, 1));
    return daysInYear >= 4 ? weekOfJanFirst : weekOfJanFirst.plusWeeks(1);
  }

  private static boolean matchesIndex(List<Integer> wanted, int index, int length) {
    int fromEnd = index - length - 1;
    for (int w : wanted) {
      if (w == index || w == fromEnd) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(List<Integer> filter, int value) {
    return filter.isEmpty() || filter.contains(value);
  }

  private LocalTime[] dayTimes() {
    int[] hours = orDefault(rule.byHour(), dtstart.getHour());
    List<LocalTime> out = new ArrayList<>();
    for (int h : hours) {
      for (int m : minutes) {
        for (int s : seconds) {
          out.add(LocalTime.of(h, m, s));
        }
      }
    }
    return out.toArray(new LocalTime[0]);
  }

  /** A BY list, or DTSTART's value when the rule gives none; sorted, leap second 60 read as 59. */
  private static int[] orDefault(List<Integer> values, int fallback) {
    if (values.isEmpty()) {
      return new int[] {fallback};
    }
    return values.stream().mapToInt(v -> Math.min(v, 59)).distinct().sorted().toArray();
  }

  private boolean onePerPeriod() {
    boolean noParts =
        rule.byDay().isEmpty()
            && rule.byMonthDay().isEmpty()
            && rule.byYearDay().isEmpty()
            && rule.byWeekNo().isEmpty()
            && rule.byMonth().isEmpty()
            && rule.byHour().isEmpty()
            && rule.byMinute().isEmpty()
            && rule.bySecond().isEmpty()
            && rule.bySetPos().isEmpty();
    return noParts && frequency.compareTo(Frequency.WEEKLY) <= 0;
  }

  private LocalDateTime periodBase() {
    return switch (frequency) {
      case YEARLY -> dtstart.toLocalDate().withDayOfYear(1).atStartOfDay();
      case MONTHLY -> dtstart.toLocalDate().withDayOfMonth(1).atStartOfDay();
      case WEEKLY ->
          dtstart
              .toLocalDate()
              .with(TemporalAdjusters.previousOrSame(rule.weekStart()))
              .atStartOfDay();
      case DAILY -> dtstart.toLocalDate().atStartOfDay();
      case HOURLY -> dtstart.truncatedTo(ChronoUnit.HOURS);
      case MINUTELY -> dtstart.truncatedTo(ChronoUnit.MINUTES);
      case SECONDLY -> dtstart.truncatedTo(ChronoUnit.SECONDS);
    };
  }

  private long stepSeconds() {
    long unit =
        switch (frequency) {
          case HOURLY -> 3600;
          case MINUTELY -> 60;
          case SECONDLY -> 1;
          default -> 86_400;
        };
    return unit * rule.interval();
  }

  private LocalDateTime periodStart(long k) {
    long n = k * rule.interval();
    return switch (frequency) {
      case YEARLY -> base.plusYears(Math.min(n, MAX_YEAR + 1L));
      case MONTHLY -> base.plusMonths(Math.min(n, 12L * (MAX_YEAR + 1)));
      case WEEKLY -> base.plusWeeks(n);
      case DAILY -> base.plusDays(n);
      default -> base.plusSeconds(k * stepSeconds);
    };
  }

  private long periodIndexAtOrBefore(LocalDateTime t) {
    long units =
        switch (frequency) {
          case YEARLY -> t.getYear() - base.getYear();
          case MONTHLY -> ChronoUnit.MONTHS.between(YearMonth.from(base), YearMonth.from(t));
          case WEEKLY ->
              ChronoUnit.WEEKS.between(
                  base.toLocalDate(),
                  t.toLocalDate().with(TemporalAdjusters.previousOrSame(rule.weekStart())));
          case DAILY -> ChronoUnit.DAYS.between(base.toLocalDate(), t.toLocalDate());
          default -> (seconds(t) - seconds(base)) / (stepSeconds / rule.interval());
        };
    return Math.max(0, units / rule.interval());
  }

  private static long seconds(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC);
  }

  /** For tests: how many periods were examined. */
  long steps() {
    return steps;
  }
}

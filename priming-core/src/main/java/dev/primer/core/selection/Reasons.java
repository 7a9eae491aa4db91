package dev.primer.core.selection;

import dev.primer.core.appointments.Appointment;
import dev.primer.core.candidates.CandidateSource;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.day.DayContext;
import dev.primer.core.history.TeamHistory;
import dev.primer.core.history.UserHistory;
import dev.primer.territory.Geodesy;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes why a record is on a device, in words a rep or an admin understands. */
final class Reasons {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final DayContext ctx;
  private final Catalog catalog;
  private final java.util.Map<Long, String> accountParts = new java.util.HashMap<>();
  private final java.util.Map<Uses, String> recordParts = new java.util.HashMap<>();
  private final java.util.Map<Pair, String> combined = new java.util.HashMap<>();

  Reasons(DayContext ctx) {
    this.ctx = ctx;
    this.catalog = ctx.catalog();
  }

  String pinned() {
    return "pinned by an admin";
  }

  String appointment(Appointment a) {
    return "appointment " + when(a) + " at " + catalog.account(a.account()).name();
  }

  String related(int record) {
    return "referred to by " + catalog.record(record).title();
  }

  String predicted(int r, int sources) {
    String account =
        accountParts.computeIfAbsent(
            ((long) catalog.accountOf(r) << 8) | (sources & 0xff),
            k -> accountPart(catalog.accountOf(r), sources));
    String record = recordPart(r);
    if (account.isEmpty()) {
      return record.isEmpty() ? "predicted" : record;
    }
    return record.isEmpty()
        ? account
        : combined.computeIfAbsent(new Pair(account, record), p -> account + ", " + record);
  }

  /** An account part and a record part, both from this day's caches. */
  private record Pair(String account, String record) {}

  /** What the account's situation says: shared by all its records, so computed once. */
  private String accountPart(int a, int sources) {
    List<String> parts = new ArrayList<>();
    for (Appointment appt : ctx.tomorrow()) {
      if (appt.account() == a) {
        parts.add("appointment tomorrow " + when(appt) + " at " + catalog.account(a).name());
        break;
      }
    }
    for (Appointment appt : ctx.yesterday()) {
      if (appt.account() == a && parts.isEmpty()) {
        parts.add("follow-up of yesterday's visit to " + catalog.account(a).name());
        break;
      }
    }
    if (CandidateSource.NEARBY.in(sources) && parts.isEmpty()) {
      nearest(a).ifPresent(parts::add);
    }
    if (CandidateSource.TERRITORY.in(sources)) {
      parts.add("in territory");
    }
    return String.join(", ", parts);
  }

  /**
   * What the user's and the team's own use of the record says. Thousands of records share a few
   * dozen texts: each is written once a day, so that the same reason is the same string (a manifest
   * lists each distinct reason once).
   */
  private String recordPart(int r) {
    UserHistory user = ctx.userHistory();
    TeamHistory team = ctx.teamHistory();
    int weeks = user.sameWeekdayWeeks(r);
    int viewed = weeks >= 2 ? 0 : user.recordCount(r, 30);
    int teamWeek = team.recordCount(r, 7);
    int teamViews = teamWeek > 0 && user.recordCount(r, 7) == 0 ? teamWeek : 0;
    return recordParts.computeIfAbsent(
        new Uses(weeks >= 2 ? weeks : 0, viewed, teamViews),
        u -> recordText(weeks, viewed, teamViews));
  }

  /** What decides a record part's text. */
  private record Uses(int weeks, int viewed, int teamViews) {}

  private String recordText(int weeks, int viewed, int teamViews) {
    List<String> parts = new ArrayList<>(2);
    if (weeks >= 2) {
      parts.add(
          "viewed on "
              + weeks
              + " of the last 8 "
              + ctx.day().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
              + "s");
    } else if (viewed > 0) {
      parts.add("viewed " + viewed + "\u00d7 in 30 days");
    }
    if (teamViews > 0) {
      parts.add("teammates viewed it " + teamViews + "\u00d7 this week");
    }
    return String.join(", ", parts);
  }

  private java.util.Optional<String> nearest(int account) {
    Appointment best = null;
    double bestKm = Double.MAX_VALUE;
    for (Appointment appt : ctx.today()) {
      double km =
          Geodesy.distanceMeters(
                  catalog.account(account).location(), catalog.account(appt.account()).location())
              / 1000;
      if (km < bestKm) {
        bestKm = km;
        best = appt;
      }
    }
    if (best == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        String.format(
            Locale.ROOT,
            "near appointment at %s (%.1f km)",
            catalog.account(best.account()).name(),
            bestKm));
  }

  private String when(Appointment a) {
    var local = a.start().atZone(ctx.zone());
    return local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
        + " "
        + TIME.format(local);
  }
}

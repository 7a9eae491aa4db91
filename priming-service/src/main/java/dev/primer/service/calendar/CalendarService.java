package dev.primer.service.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.calendar.CalendarFormatException;
import dev.primer.calendar.CalendarParser;
import dev.primer.calendar.Expansion;
import dev.primer.calendar.ExpansionLimits;
import dev.primer.calendar.ExpansionWindow;
import dev.primer.calendar.ParsedCalendar;
import dev.primer.calendar.Truncation;
import dev.primer.core.scoring.ModelBundles;
import dev.primer.protocol.problem.ProblemError;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.data.OrgDataChanges;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.StorableText;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Stores users' calendars as sent, with the problems priming-core's parser found. */
@ApplicationScoped
public class CalendarService {
  /** How far ahead an upload is expanded to check its work: the longest a manifest looks. */
  static final Duration TRIAL_WINDOW = Duration.ofDays(14);

  private final AgroalDataSource db;
  private final OrgDataChanges changes;
  private final ObjectMapper json;
  private final PrimerConfig config;
  private final Clock clock;

  CalendarService(
      AgroalDataSource db,
      OrgDataChanges changes,
      ObjectMapper json,
      PrimerConfig config,
      Clock clock) {
    this.db = db;
    this.changes = changes;
    this.json = json;
    this.config = config;
    this.clock = clock;
  }

  /** Parses and stores {@code ics} as the calendar of {@code userId}. */
  @Transactional
  public CalendarAnswer store(String userId, byte[] ics) {
    String text = new String(ics, StandardCharsets.UTF_8);
    StorableText.require(text, "the calendar");
    requireFewEnoughEvents(text);
    ParsedCalendar parsed;
    try {
      parsed = CalendarParser.parse(text, "calendar of " + userId);
    } catch (CalendarFormatException e) {
      throw new ProblemException(
          422, "invalid-calendar", "Invalid calendar", "not an iCalendar file: " + e.getMessage());
    }
    requireBoundedExpansion(parsed);
    List<CalendarProblem> problems =
        parsed.problems().stream()
            .map(p -> new CalendarProblem(p.line(), p.property(), p.message()))
            .toList();
    String sha256 = ModelBundles.sha256(ics);
    try (Connection c = db.getConnection()) {
      requireUser(c, userId);
      try (PreparedStatement u =
          c.prepareStatement(
              "INSERT INTO calendars (user_id, ics, sha256, problems, updated_at)"
                  + " VALUES (?, ?, ?, ?::jsonb, now())"
                  + " ON CONFLICT (user_id) DO UPDATE SET ics = excluded.ics,"
                  + " sha256 = excluded.sha256, problems = excluded.problems, updated_at = now()"
                  + " WHERE calendars.sha256 <> excluded.sha256")) {
        u.setString(1, userId);
        u.setString(2, text);
        u.setString(3, sha256);
        u.setString(4, json.writeValueAsString(problems));
        if (u.executeUpdate() > 0) {
          changes.changed("calendars");
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot store the calendar of " + userId, e);
    }
    return new CalendarAnswer(userId, sha256, parsed.events().size(), problems);
  }

  /** Counted on the text, before parsing: a calendar of 60,000 events is refused cheaply. */
  private void requireFewEnoughEvents(String text) {
    int max = config.limits().calendarEvents();
    long events = 0;
    for (int at = text.indexOf("BEGIN:VEVENT");
        at >= 0;
        at = text.indexOf("BEGIN:VEVENT", at + 1)) {
      events++;
    }
    if (events > max) {
      throw overLimit(
          "the calendar holds "
              + events
              + " events, more than the limit of "
              + max
              + " (setting primer.limits.calendar-events)");
    }
  }

  /**
   * Expands the calendar over the coming fortnight, as manifests will: a calendar that uses up the
   * per-calendar work limit there (thousands of FREQ=SECONDLY or MINUTELY events) is refused rather
   * than stored and cut at every manifest.
   */
  private void requireBoundedExpansion(ParsedCalendar parsed) {
    Instant now = clock.instant();
    Expansion trial =
        parsed.expand(new ExpansionWindow(now, now.plus(TRIAL_WINDOW), ZoneOffset.UTC));
    for (Truncation t : trial.truncations()) {
      if (t.reason() == Truncation.Reason.WORK_LIMIT) {
        throw overLimit(
            "expanding the calendar over the coming "
                + TRIAL_WINDOW.toDays()
                + " days takes more than "
                + ExpansionLimits.DEFAULTS.maxStepsPerCalendar()
                + " recurrence steps, the per-calendar work limit ("
                + t.omitted()
                + " events left unexpanded, from "
                + t.uid()
                + "); rules with FREQ=SECONDLY or MINUTELY cost the most");
      }
    }
  }

  private static ProblemException overLimit(String detail) {
    return new ProblemException(
        422,
        "calendar-over-limit",
        "Calendar over a limit",
        detail,
        List.of(ProblemError.field("calendar", detail)));
  }

  private static void requireUser(Connection c, String userId) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM users WHERE id = ?")) {
      q.setString(1, userId);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw ProblemException.notFound("user", userId);
        }
      }
    }
  }
}

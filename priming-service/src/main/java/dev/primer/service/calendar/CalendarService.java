package dev.primer.service.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.calendar.CalendarFormatException;
import dev.primer.core.calendar.CalendarParser;
import dev.primer.core.calendar.ParsedCalendar;
import dev.primer.core.scoring.ModelBundles;
import dev.primer.service.data.OrgDataChanges;
import dev.primer.service.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Stores users' calendars as sent, with the problems priming-core's parser found. */
@ApplicationScoped
public class CalendarService {
  private final AgroalDataSource db;
  private final OrgDataChanges changes;
  private final ObjectMapper json;

  CalendarService(AgroalDataSource db, OrgDataChanges changes, ObjectMapper json) {
    this.db = db;
    this.changes = changes;
    this.json = json;
  }

  /** Parses and stores {@code ics} as the calendar of {@code userId}. */
  @Transactional
  public CalendarAnswer store(String userId, byte[] ics) {
    String text = new String(ics, StandardCharsets.UTF_8);
    ParsedCalendar parsed;
    try {
      parsed = CalendarParser.parse(text, "calendar of " + userId);
    } catch (CalendarFormatException e) {
      throw new ProblemException(
          422, "invalid-calendar", "Invalid calendar", "not an iCalendar file: " + e.getMessage());
    }
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

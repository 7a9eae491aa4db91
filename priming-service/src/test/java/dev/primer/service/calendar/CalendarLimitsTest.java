package dev.primer.service.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calendars that would cost too much to expand are refused with the limit they break. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class CalendarLimitsTest {
  @BeforeEach
  void user() {
    TestTokens.as("crm", Roles.INTEGRATOR)
        .contentType("application/x-ndjson")
        .body(
            "{\"id\":\"cl-1\",\"name\":\"C\",\"email\":\"c@x.example\",\"timezone\":\"UTC\","
                + "\"home\":{\"lat\":1,\"lon\":2},\"territoryIds\":[],\"teamId\":\"t\","
                + "\"role\":\"sales\"}\n")
        .post("/v1/import/users")
        .then()
        .statusCode(200);
  }

  private static String calendar(int events, String rule) {
    StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n");
    for (int i = 0; i < events; i++) {
      ics.append("BEGIN:VEVENT\r\nUID:e")
          .append(i)
          .append("\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T000000Z\r\n")
          .append(rule.isEmpty() ? "" : rule + "\r\n")
          .append("SUMMARY:x\r\nEND:VEVENT\r\n");
    }
    return ics.append("END:VCALENDAR\r\n").toString();
  }

  private static io.restassured.response.ValidatableResponse put(String ics) {
    return TestTokens.as("crm", Roles.INTEGRATOR)
        .contentType("text/calendar")
        .body(ics)
        .put("/v1/users/cl-1/calendar")
        .then();
  }

  @Test
  void refusesACalendarWithMoreEventsThanTheLimitNamingTheSetting() {
    put(calendar(5_001, ""))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", containsString("calendar-over-limit"))
        .body("detail", containsString("5001 events, more than the limit of 5000"))
        .body("detail", containsString("primer.limits.calendar-events"));
  }

  @Test
  void refusesACalendarWhoseExpansionUsesUpTheWorkLimit() {
    put(calendar(200, "RRULE:FREQ=SECONDLY"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("per-calendar work limit"))
        .body("detail", containsString("1000000 recurrence steps"));
  }

  @Test
  void storesACalendarWithAFewSecondlyOrMinutelyRulesCheaply() {
    put(calendar(3, "RRULE:FREQ=MINUTELY")).statusCode(200).body("events", equalTo(3));
  }
}

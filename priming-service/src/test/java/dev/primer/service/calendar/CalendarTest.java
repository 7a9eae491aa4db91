package dev.primer.service.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class CalendarTest {
  private static final String ICS =
      String.join(
          "\r\n",
          "BEGIN:VCALENDAR",
          "VERSION:2.0",
          "PRODID:-//test//EN",
          "BEGIN:VEVENT",
          "UID:visit-1",
          "DTSTAMP:20260101T000000Z",
          "DTSTART:20260105T090000Z",
          "DTEND:20260105T100000Z",
          "SUMMARY:Visit ACME",
          "RRULE:FREQ=WEEKLY;COUNT=4",
          "END:VEVENT",
          "BEGIN:VEVENT",
          "UID:broken",
          "DTSTAMP:20260101T000000Z",
          "DTSTART:not-a-date",
          "SUMMARY:Broken",
          "END:VEVENT",
          "END:VCALENDAR",
          "");

  private static RequestSpecification integrator() {
    return TestTokens.as("crm", Roles.INTEGRATOR);
  }

  /** Idempotent, so running it before every test costs only time. */
  @BeforeEach
  void user() {
    integrator()
        .contentType("application/x-ndjson")
        .body(
            "{\"id\":\"cu1\",\"name\":\"Ana\",\"email\":\"ana@x.example\",\"timezone\":\"UTC\","
                + "\"home\":{\"lat\":1,\"lon\":2},\"territoryIds\":[],\"teamId\":\"t\",\"role\":\"sales\"}")
        .post("/v1/import/users")
        .then()
        .statusCode(200);
  }

  @Test
  void storesACalendarAndListsItsProblems() {
    integrator()
        .contentType("text/calendar")
        .body(ICS)
        .put("/v1/users/cu1/calendar")
        .then()
        .statusCode(200)
        .body("userId", equalTo("cu1"))
        .body("events", equalTo(1))
        .body("problems", hasSize(2))
        .body("problems[0].line", equalTo(12))
        .body("problems[0].message", containsString("skipped"))
        .body("problems[1].line", equalTo(15))
        .body("problems[1].property", equalTo("DTSTART"));
  }

  @Test
  void refusesWhatIsNotACalendarAndUnknownUsers() {
    integrator()
        .contentType("text/calendar")
        .body("hello")
        .put("/v1/users/cu1/calendar")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/invalid-calendar"));
    integrator()
        .contentType("text/calendar")
        .body(ICS)
        .put("/v1/users/nobody/calendar")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    integrator()
        .contentType("text/calendar")
        .body("X".repeat(1024 * 1024 + 1))
        .put("/v1/users/cu1/calendar")
        .then()
        .statusCode(413);
  }
}

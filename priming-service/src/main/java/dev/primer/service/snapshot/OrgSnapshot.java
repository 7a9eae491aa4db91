package dev.primer.service.snapshot;

import dev.primer.core.appointments.CalendarAppointments;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.day.DayContext;
import dev.primer.core.day.DayContextFactory;
import dev.primer.core.history.InteractionHistory;
import dev.primer.core.visibility.Visibility;
import dev.primer.service.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The organisation as priming-core sees it, loaded from PostgreSQL at one moment: the catalog of
 * primable records (those with content), every interaction, every calendar, who may read what.
 * Immutable once built and shared by all requests until a newer one replaces it.
 *
 * @param dataVersion identifies the data this snapshot was built from; selections computed from
 *     snapshots of the same version are interchangeable
 */
public record OrgSnapshot(
    Catalog catalog,
    InteractionHistory history,
    CalendarAppointments appointments,
    DayContextFactory contexts,
    Visibility visibility,
    String[] sha256,
    String dataVersion,
    Instant loadedAt,
    Duration loadTime) {

  /** Builds the snapshot's day-context factory over its own history and calendars. */
  public static OrgSnapshot of(
      Catalog catalog,
      InteractionHistory history,
      CalendarAppointments appointments,
      Visibility visibility,
      String[] sha256,
      String dataVersion,
      Instant loadedAt,
      Duration loadTime) {
    return new OrgSnapshot(
        catalog,
        history,
        appointments,
        new DayContextFactory(history, appointments, visibility),
        visibility,
        sha256,
        dataVersion,
        loadedAt,
        loadTime);
  }

  /** The user's dense index, when the user is known. */
  public OptionalInt user(String userId) {
    return catalog.userIndex(userId);
  }

  /** The user's dense index; a 404 problem when the org data does not know the user. */
  public int knownUser(String userId) {
    return user(userId)
        .orElseThrow(
            () ->
                new ProblemException(
                    404,
                    "unknown-user",
                    "Unknown user",
                    "user '" + userId + "' is not in the imported org data"));
  }

  /** What user {@code u} knew before {@code day} began. */
  public DayContext context(int u, LocalDate day) {
    return contexts.contextFor(u, day);
  }

  /** The SHA-256 of a record's content (every record in the catalog has content). */
  public String sha256Of(int record) {
    return sha256[record];
  }

  /** A record's catalog index by id, when it is primable. */
  public Optional<Integer> record(String recordId) {
    OptionalInt r = catalog.recordIndex(recordId);
    return r.isPresent() ? Optional.of(r.getAsInt()) : Optional.empty();
  }
}

package dev.primer.testdata.calendar;

import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.UserRole;
import dev.primer.territory.GeoPoint;
import dev.primer.testdata.calendar.CalendarEvent.AllDay;
import dev.primer.testdata.calendar.CalendarEvent.Attendee;
import dev.primer.testdata.generate.Names;
import dev.primer.testdata.generate.Rng;
import dev.primer.testdata.org.Organisation;
import dev.primer.testdata.org.Site;
import dev.primer.testdata.records.RecordCatalog;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a rep's plan into the calendar events their program would hold, with the messy ways real
 * people write them: sometimes a CRM link, sometimes the customer's address or coordinates,
 * sometimes the customer's people as guests, sometimes only "Site visit".
 */
public final class CalendarBuilder {
  /** Where CRM links in descriptions point; the linker recognises this form. */
  public static final String CRM_URL = "https://crm.primer.dev/accounts/";

  private final Organisation organisation;
  private final RecordCatalog catalog;
  private final long seed;

  public CalendarBuilder(Organisation organisation, RecordCatalog catalog, long seed) {
    this.organisation = organisation;
    this.catalog = catalog;
    this.seed = seed;
  }

  /** The events of the rep's calendar, ordered by start then UID. */
  public List<CalendarEvent> events(RepPlan plan) {
    ZoneId zone = plan.zone();
    UserRole role = plan.rep().user().role();
    List<CalendarEvent> events = new ArrayList<>();
    for (Series series : plan.series()) {
      Presentation look = present(series.uid(), VisitKind.RECURRING, series.siteIndex(), role);
      ZonedDateTime first = series.firstDate().atTime(series.time()).atZone(zone);
      List<ZonedDateTime> exdates =
          plan.exdates(series.uid()).stream()
              .map(d -> d.atTime(series.time()).atZone(zone))
              .toList();
      events.add(
          event(
              series.uid(),
              Optional.empty(),
              look,
              first,
              first.plus(Duration.ofMinutes(series.minutes())),
              Optional.of(series),
              exdates,
              false,
              series.created(),
              series.created(),
              0));
    }
    for (Visit visit : plan.visits()) {
      if (visit.uid().isEmpty()) {
        continue;
      }
      String uid = visit.uid().get();
      ZonedDateTime start = visit.start().atZone(zone);
      ZonedDateTime end = visit.end().atZone(zone);
      boolean cancelled = visit.cancelledAt().isPresent();
      if (cancelled) {
        start = visit.plannedStart().atZone(zone);
        end = start.plus(Duration.between(visit.start(), visit.end()));
      }
      var modified = visit.cancelledAt().or(visit::movedAt);
      if (visit.kind() == VisitKind.RECURRING) {
        if (modified.isEmpty()) {
          continue;
        }
        Series series =
            plan.series().stream().filter(s -> s.uid().equals(uid)).findFirst().orElseThrow();
        Presentation look = present(uid, VisitKind.RECURRING, visit.siteIndex(), role);
        events.add(
            event(
                uid,
                Optional.of(visit.plannedStart().atZone(zone)),
                look,
                start,
                end,
                Optional.empty(),
                List.of(),
                cancelled,
                series.created(),
                modified.get(),
                1));
      } else {
        Presentation look = present(uid, visit.kind(), visit.siteIndex(), role);
        events.add(
            event(
                uid,
                Optional.empty(),
                look,
                start,
                end,
                Optional.empty(),
                List.of(),
                cancelled,
                visit.knownSince().orElseThrow(),
                modified.orElse(visit.knownSince().get()),
                cancelled ? 1 : 0));
      }
    }
    for (AllDayItem item : plan.allDays()) {
      ZonedDateTime start = item.first().atStartOfDay(zone);
      events.add(
          new CalendarEvent(
              item.uid(),
              Optional.empty(),
              item.title(),
              start,
              item.endExclusive().atStartOfDay(zone),
              Optional.of(new AllDay(item.first(), item.endExclusive())),
              Optional.empty(),
              List.of(),
              false,
              item.created(),
              item.created(),
              0,
              "",
              Optional.empty(),
              List.of(),
              "",
              Optional.empty()));
    }
    events.sort(
        Comparator.comparing((CalendarEvent e) -> e.start().toInstant())
            .thenComparing(CalendarEvent::uid)
            .thenComparing(e -> e.recurrenceId().isPresent()));
    return events;
  }

  private CalendarEvent event(
      String uid,
      Optional<ZonedDateTime> recurrenceId,
      Presentation look,
      ZonedDateTime start,
      ZonedDateTime end,
      Optional<Series> series,
      List<ZonedDateTime> exdates,
      boolean cancelled,
      java.time.Instant created,
      java.time.Instant modified,
      int sequence) {
    return new CalendarEvent(
        uid,
        recurrenceId,
        look.summary(),
        start,
        end,
        Optional.empty(),
        series,
        exdates,
        cancelled,
        created,
        modified,
        sequence,
        look.location(),
        look.geo(),
        look.attendees(),
        look.description(),
        look.crmAccountId());
  }

  /** How the rep wrote this event down; drawn from the event's own UID, so overrides agree. */
  private Presentation present(String uid, VisitKind kind, int siteIndex, UserRole role) {
    Rng rng = Rng.of(seed, "event/" + uid, 0);
    Site site = organisation.site(siteIndex);
    Account account = site.account();
    String name = account.name();
    String shortName = name.split(" ")[0];
    String summary;
    double u = rng.uniform();
    if (kind == VisitKind.EMERGENCY) {
      summary = "EMERGENCY: " + name + " - " + rng.pick(Names.SERVICE_ACTIONS);
    } else if (u < 0.12) {
      summary = rng.chance(0.5) ? "Site visit" : "Customer meeting";
    } else if (role == UserRole.SERVICE) {
      List<Integer> machines = site.equipment();
      summary =
          u < 0.5 || machines.isEmpty()
              ? "Service visit: " + name
              : "Maintenance "
                  + organisation.equipment().get(machines.get(rng.below(machines.size()))).name()
                  + " at "
                  + shortName;
    } else {
      summary =
          u < 0.5
              ? "Visit " + name
              : u < 0.8 ? name + " - quarterly review" : "Meeting with " + shortName;
    }
    if (kind == VisitKind.COVER) {
      summary = "Cover: " + summary;
    }

    double where = rng.uniform();
    GeoPoint position = account.location();
    String location =
        where < 0.6
            ? account.address()
            : where < 0.75
                ? String.format(Locale.ROOT, "%.5f,%.5f", position.lat(), position.lon())
                : "";
    Optional<GeoPoint> geo = rng.chance(0.1) ? Optional.of(position) : Optional.empty();

    List<Attendee> attendees = new ArrayList<>();
    if (rng.chance(0.5)) {
      List<String> people = catalog.contacts(siteIndex);
      int count = Math.min(people.size(), 1 + rng.below(2));
      for (int i = 0; i < count; i++) {
        String person = people.get(i);
        attendees.add(
            new Attendee(
                person,
                person.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + account.domain()));
      }
    }
    double how = rng.uniform();
    String description =
        how < 0.3
            ? "CRM: " + CRM_URL + account.id()
            : how < 0.4
                ? "CRM: " + account.id()
                : how < 0.7 ? "Agenda:\nreview open items\nnext steps" : "";
    Optional<String> crm = rng.chance(0.25) ? Optional.of(account.id()) : Optional.empty();
    return new Presentation(summary, location, geo, List.copyOf(attendees), description, crm);
  }

  private record Presentation(
      String summary,
      String location,
      Optional<GeoPoint> geo,
      List<Attendee> attendees,
      String description,
      Optional<String> crmAccountId) {}
}

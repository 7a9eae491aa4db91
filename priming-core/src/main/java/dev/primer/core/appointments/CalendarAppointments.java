package dev.primer.core.appointments;

import dev.primer.calendar.CalendarParser;
import dev.primer.calendar.ExpansionWindow;
import dev.primer.calendar.Occurrence;
import dev.primer.calendar.ParsedCalendar;
import dev.primer.core.appointments.link.AccountLink;
import dev.primer.core.appointments.link.AppointmentLinker;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.DataSetDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Appointments from users' iCalendar files: each calendar taken as it stood at the asked instant,
 * expanded in the user's zone, every occurrence linked to the accounts it is about.
 */
public final class CalendarAppointments implements AppointmentSource {
  private final Catalog catalog;
  private final Map<Integer, ParsedCalendar> calendars;
  private final AppointmentLinker linker;

  public CalendarAppointments(Catalog catalog, Map<Integer, ParsedCalendar> calendars) {
    this.catalog = catalog;
    this.calendars = Map.copyOf(calendars);
    List<dev.primer.core.dataset.Account> accounts =
        IntStream.range(0, catalog.accountCount()).mapToObj(catalog::account).toList();
    this.linker = new AppointmentLinker(accounts, new CatalogAccountLocator(catalog));
  }

  /** Reads every user's calendar from a data set directory; users without one have none. */
  public static CalendarAppointments fromDataSet(DataSetDirectory dir, Catalog catalog) {
    Map<Integer, ParsedCalendar> calendars = new HashMap<>();
    for (int u = 0; u < catalog.userCount(); u++) {
      Optional<java.nio.file.Path> file = dir.calendarOf(catalog.user(u).id());
      if (file.isPresent()) {
        calendars.put(u, CalendarParser.parse(file.get()));
      }
    }
    return new CalendarAppointments(catalog, calendars);
  }

  @Override
  public List<Appointment> appointments(int u, Instant asOf, Instant from, Instant to) {
    ParsedCalendar calendar = calendars.get(u);
    if (calendar == null || !from.isBefore(to)) {
      return List.of();
    }
    List<Occurrence> occurrences =
        calendar
            .asOf(asOf)
            .expand(new ExpansionWindow(from, to, catalog.user(u).timezone()))
            .occurrences();
    List<Appointment> out = new ArrayList<>();
    for (Occurrence o : occurrences) {
      if (o.allDay() || o.start().toInstant().isBefore(from)) {
        continue;
      }
      for (AccountLink link : linker.link(o)) {
        catalog
            .accountIndex(link.accountId())
            .ifPresent(
                a ->
                    out.add(
                        new Appointment(
                            o.uid(),
                            o.summary(),
                            o.start().toInstant(),
                            o.end().toInstant(),
                            a,
                            link.confidence(),
                            link.reason())));
      }
    }
    out.sort(Comparator.comparing(Appointment::start).thenComparing(Appointment::uid));
    return out;
  }
}

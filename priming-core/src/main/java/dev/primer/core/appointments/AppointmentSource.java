package dev.primer.core.appointments;

import java.time.Instant;
import java.util.List;

/**
 * Where a user's appointments come from: expanded calendars in a replay, stored appointments in the
 * service. Implementations answer with the calendar as it stood at {@code asOf}.
 */
public interface AppointmentSource {
  /** Appointments of user {@code u} starting in [from, to), as known at {@code asOf}, by start. */
  List<Appointment> appointments(int u, Instant asOf, Instant from, Instant to);

  /** A source with no appointments at all. */
  static AppointmentSource none() {
    return (u, asOf, from, to) -> List.of();
  }
}

package dev.primer.calendar;

/** Text that holds no calendar at all (no VCALENDAR and no VEVENT), so nothing can be read. */
public class CalendarFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CalendarFormatException(String message) {
    super(message);
  }
}

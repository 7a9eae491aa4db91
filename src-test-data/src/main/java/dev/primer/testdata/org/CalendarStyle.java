package dev.primer.testdata.org;

/** Which calendar program a rep uses, which decides how their .ics export looks. */
public enum CalendarStyle {
  GOOGLE,
  OUTLOOK
}

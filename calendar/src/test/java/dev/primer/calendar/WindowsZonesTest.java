package dev.primer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WindowsZonesTest {
  @Test
  void everyWindowsZoneMapsToAZoneJavaTimeKnows() {
    assertThat(WindowsZones.table()).hasSizeGreaterThan(130);
    assertThat(WindowsZones.table().values())
        .allSatisfy(iana -> assertThat(ZoneId.getAvailableZoneIds()).contains(iana));
  }

  @Test
  void namesAndDisplayNamesAsOutlookWritesThemAreFound() {
    assertThat(WindowsZones.ianaZone("W. Europe Standard Time")).contains("Europe/Berlin");
    assertThat(WindowsZones.ianaZone("  central standard   time ")).contains("America/Chicago");
    assertThat(
            WindowsZones.ianaZone("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"))
        .contains("Europe/Berlin");
    assertThat(WindowsZones.ianaZone("(GMT-06:00) Central Time (US and Canada)"))
        .contains("America/Chicago");
    assertThat(WindowsZones.ianaZone("Customized Time Zone")).isEmpty();
  }

  @Test
  void oldDisplayNamesAndCityListsResolveThroughTheirFirstPart() {
    assertThat(ZoneResolver.knownZone("Pacific Time (US & Canada), Tijuana"))
        .contains(ZoneId.of("America/Los_Angeles"));
    assertThat(ZoneResolver.knownZone("Amsterdam, Belgrade, Berlin, Brussels, Budapest"))
        .contains(ZoneId.of("Europe/Amsterdam"));
    assertThat(ZoneResolver.knownZone("(GMT +01:00)")).contains(ZoneId.of("+01:00"));
  }
}

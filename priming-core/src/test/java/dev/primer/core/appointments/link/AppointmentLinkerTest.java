package dev.primer.core.appointments.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.calendar.CalendarParser;
import dev.primer.calendar.ExpansionWindow;
import dev.primer.calendar.Occurrence;
import dev.primer.core.dataset.Account;
import dev.primer.territory.GeoPoint;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AppointmentLinkerTest {
  private static final Account ACME =
      new Account(
          "a1",
          "ACME Pumps Inc.",
          "acmepumps.com",
          "12 Mill Rd., Joliet",
          new GeoPoint(41.5250, -88.0817),
          "u1");
  private static final Account ACME_EAST =
      new Account(
          "a2",
          "ACME",
          "acmepumps.com",
          "400 E. Cass St, Joliet",
          new GeoPoint(41.5270, -88.0790),
          "u1");
  private static final Account BOLT =
      new Account(
          "a3",
          "Bolt & Nut Supply",
          "boltnut.com",
          "9 Ridge Ave, Aurora",
          new GeoPoint(41.7606, -88.3201),
          "u1");
  private static final List<Account> ACCOUNTS = List.of(ACME, ACME_EAST, BOLT);
  private static final AppointmentLinker LINKER =
      new AppointmentLinker(ACCOUNTS, new ScanningAccountLocator(ACCOUNTS));

  @Test
  void anExplicitCrmIdLinksWithFullConfidenceWhereverItIsWritten() {
    assertThat(LINKER.link(appointment("X-PRIMER-ACCOUNT-ID:a3")))
        .containsExactly(new AccountLink("a3", 1.0, "X-PRIMER-ACCOUNT-ID a3", LinkRule.CRM_ID));
    assertThat(LINKER.link(appointment("URL:https://crm.example.com/accounts/a3/?tab=history")))
        .containsExactly(new AccountLink("a3", 0.99, "URL .../accounts/a3", LinkRule.CRM_ID));
    assertThat(LINKER.link(appointment("DESCRIPTION:Bring the quote.\\nCRM: a3.")))
        .containsExactly(new AccountLink("a3", 0.98, "DESCRIPTION says CRM: a3", LinkRule.CRM_ID));
    assertThat(LINKER.link(appointment("DESCRIPTION:CRM: https://crm.primer.dev/accounts/a3\\n")))
        .containsExactly(
            new AccountLink("a3", 0.98, "DESCRIPTION links .../accounts/a3", LinkRule.CRM_ID));
  }

  @Test
  void anUnknownCrmIdLinksNothing() {
    assertThat(LINKER.link(appointment("X-PRIMER-ACCOUNT-ID:a99", "DESCRIPTION:CRM: a98")))
        .isEmpty();
  }

  @Test
  void anAttendeeDomainLinksItsAccountsSplittingASharedDomain() {
    assertThat(LINKER.link(appointment("ATTENDEE:mailto:ops@boltnut.com")))
        .containsExactly(
            new AccountLink("a3", 0.8, "attendee @boltnut.com", LinkRule.ATTENDEE_DOMAIN));
    assertThat(LINKER.link(appointment("ATTENDEE:mailto:Jo@EU.AcmePumps.com")))
        .extracting(AccountLink::accountId, AccountLink::confidence, AccountLink::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "a1", 0.4, "attendee @eu.acmepumps.com (domain shared by 2 accounts)"),
            org.assertj.core.groups.Tuple.tuple(
                "a2", 0.4, "attendee @eu.acmepumps.com (domain shared by 2 accounts)"));
  }

  @Test
  void freeMailAttendeesSayNothing() {
    var gmailAccount =
        new Account("g", "Gmail Fans", "gmail.com", "1 Main St", new GeoPoint(0, 0), "u1");
    var linker =
        new AppointmentLinker(List.of(gmailAccount), new ScanningAccountLocator(List.of()));

    assertThat(linker.link(appointment("ATTENDEE:mailto:someone@gmail.com"))).isEmpty();
  }

  @Test
  void aPositionNearAnAccountLinksWithConfidenceFallingWithDistance() {
    // About 120 m north of ACME Pumps, and some 280 m from ACME's east site.
    List<AccountLink> links = LINKER.link(appointment("GEO:41.5261;-88.0817"));

    assertThat(links).extracting(AccountLink::accountId).containsExactly("a1", "a2");
    assertThat(links.get(0).reason()).isEqualTo("GEO 122 m from ACME Pumps Inc.");
    assertThat(links.get(0).confidence()).isCloseTo(0.9 - 0.6 * 122.3 / 300, within(0.001));
    assertThat(links.get(1).confidence()).isLessThan(links.get(0).confidence()).isGreaterThan(0.3);
    assertThat(links).allSatisfy(l -> assertThat(l.rule()).isEqualTo(LinkRule.PROXIMITY));
  }

  @Test
  void aLocationThatIsACoordinatePairCountsAsAPositionAndFarAwayLinksNothing() {
    assertThat(LINKER.link(appointment("LOCATION:41.7606,-88.3201")))
        .containsExactly(
            new AccountLink("a3", 0.9, "LOCATION 0 m from Bolt & Nut Supply", LinkRule.PROXIMITY));
    assertThat(LINKER.link(appointment("GEO:41.0;-87.0"))).isEmpty();
  }

  @Test
  void aLocationEqualToAnAddressAfterNormalisationLinks() {
    assertThat(LINKER.link(appointment("LOCATION:12  MILL ROAD joliet")))
        .containsExactly(
            new AccountLink(
                "a1", 0.85, "LOCATION matches the address of ACME Pumps Inc.", LinkRule.ADDRESS));
    assertThat(LINKER.link(appointment("LOCATION:400 East Cass Street\\, Joliet")))
        .extracting(AccountLink::accountId)
        .containsExactly("a2");
    assertThat(LINKER.link(appointment("LOCATION:12 Mill Rd, Aurora"))).isEmpty();
  }

  @Test
  void anAccountNameAsWholeWordsInTheSummaryLinksWeakly() {
    assertThat(LINKER.link(appointment("SUMMARY:Service visit - bolt & nut supply")))
        .containsExactly(
            new AccountLink(
                "a3", 0.5, "SUMMARY names Bolt & Nut Supply", LinkRule.NAME_IN_SUMMARY));
    assertThat(LINKER.link(appointment("SUMMARY:Lunch at Acmeville"))).isEmpty();
  }

  @Test
  void theLongerNameWinsOverANameItContains() {
    assertThat(LINKER.link(appointment("SUMMARY:Quarterly review ACME Pumps")))
        .extracting(AccountLink::accountId, AccountLink::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a1", "SUMMARY names ACME Pumps Inc."));
    assertThat(LINKER.link(appointment("SUMMARY:ACME east site walkthrough")))
        .extracting(AccountLink::accountId)
        .containsExactly("a2");
  }

  @Test
  void evidenceForOneAccountMergesIntoItsStrongestLink() {
    List<AccountLink> links =
        LINKER.link(
            appointment(
                "SUMMARY:ACME Pumps visit",
                "ATTENDEE:mailto:jo@acmepumps.com",
                "LOCATION:12 Mill Rd\\, Joliet",
                "X-PRIMER-ACCOUNT-ID:a1"));

    assertThat(links)
        .containsExactly(
            new AccountLink("a1", 1.0, "X-PRIMER-ACCOUNT-ID a1", LinkRule.CRM_ID),
            new AccountLink(
                "a2",
                0.4,
                "attendee @acmepumps.com (domain shared by 2 accounts)",
                LinkRule.ATTENDEE_DOMAIN));
  }

  @Test
  void amongThousandsOfLookAlikeAccountsOnlyTheExactOneLinks() {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      accounts.add(
          new Account(
              "acc" + i,
              "Customer " + i + " Works",
              "customer" + i + ".com",
              i + " Industrial Pkwy",
              new GeoPoint(40 + i * 1e-3, -88),
              "u1"));
    }
    var linker = new AppointmentLinker(accounts, new ScanningAccountLocator(accounts));

    List<AccountLink> links =
        linker.link(
            appointment(
                "SUMMARY:Visit Customer 4711 Works",
                "ATTENDEE:mailto:buyer@customer4711.com",
                "LOCATION:4711 industrial parkway"));

    assertThat(links)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.accountId()).isEqualTo("acc4711");
              assertThat(l.rule()).isEqualTo(LinkRule.ADDRESS);
            });
  }

  private static Occurrence appointment(String... properties) {
    String text =
        Stream.concat(
                Stream.of(
                    "BEGIN:VCALENDAR",
                    "BEGIN:VEVENT",
                    "UID:appointment",
                    "DTSTART:20260302T090000Z"),
                Stream.concat(Stream.of(properties), Stream.of("END:VEVENT", "END:VCALENDAR")))
            .reduce((a, b) -> a + "\r\n" + b)
            .orElseThrow();
    var calendar = CalendarParser.parse(text, "test.ics");
    assertThat(calendar.problems()).isEmpty();
    return calendar
        .expand(ExpansionWindow.day(LocalDate.of(2026, 3, 2), ZoneId.of("UTC")))
        .occurrences()
        .get(0);
  }
}

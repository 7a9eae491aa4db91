package dev.primer.core.appointments.link;

import dev.primer.calendar.Coordinates;
import dev.primer.calendar.Occurrence;
import dev.primer.core.dataset.Account;
import dev.primer.territory.GeoPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties appointments to the accounts they are about. Every rule that fires gives a link; per account
 * the strongest link is kept. Confidences, highest first:
 *
 * <ul>
 *   <li>{@link LinkRule#CRM_ID}: X-PRIMER-ACCOUNT-ID 1.0, a URL ending in /accounts/{id} 0.99,
 *       "CRM: {id}" in the description 0.98 (only ids of known accounts);
 *   <li>{@link LinkRule#PROXIMITY}: from 0.9 at the account's location down to 0.3 at the radius;
 *   <li>{@link LinkRule#ADDRESS}: LOCATION equal to the account's address, 0.85;
 *   <li>{@link LinkRule#ATTENDEE_DOMAIN}: an attendee at the account's domain (or a subdomain of
 *       it), 0.8, free-mail domains ignored;
 *   <li>{@link LinkRule#NAME_IN_SUMMARY}: the account's name as whole words in SUMMARY, 0.5.
 * </ul>
 *
 * A domain, address or name shared by n accounts gives each of them 1/n of the confidence. All
 * lookups are prepared once per account set, so linking one appointment costs a few map lookups
 * plus one locator query.
 */
public final class AppointmentLinker {
  private static final Pattern ACCOUNT_URL = Pattern.compile("/accounts/([^/?#]+)/?(?:[?#].*)?$");
  private static final Pattern ACCOUNT_URL_IN_TEXT =
      Pattern.compile("/accounts/([\\p{Alnum}_-]+(?:\\.[\\p{Alnum}_-]+)*)");
  private static final Pattern CRM_IN_TEXT =
      Pattern.compile("\\bCRM:\\s*([\\p{Alnum}_-]+(?:[.:][\\p{Alnum}_-]+)*)");

  private final AccountLocator locator;
  private final LinkerSettings settings;
  private final Map<String, Account> byId = new HashMap<>();
  private final Map<String, List<Account>> byDomain = new HashMap<>();
  private final Map<String, List<Account>> byAddress = new HashMap<>();
  private final NameIndex names;

  /** Links with {@link LinkerSettings#DEFAULTS}. */
  public AppointmentLinker(List<Account> accounts, AccountLocator locator) {
    this(accounts, locator, LinkerSettings.DEFAULTS);
  }

  public AppointmentLinker(
      List<Account> accounts, AccountLocator locator, LinkerSettings settings) {
    this.locator = locator;
    this.settings = settings;
    for (Account account : accounts) {
      byId.put(account.id(), account);
      String domain = domain(account.domain());
      if (!domain.isEmpty()) {
        byDomain.computeIfAbsent(domain, k -> new ArrayList<>()).add(account);
      }
      String address = Addresses.normalize(account.address());
      if (!address.isEmpty()) {
        byAddress.computeIfAbsent(address, k -> new ArrayList<>()).add(account);
      }
    }
    this.names = new NameIndex(accounts);
  }

  /** The accounts {@code appointment} is about, most confident first (ties by account id). */
  public List<AccountLink> link(Occurrence appointment) {
    Map<String, AccountLink> best = new LinkedHashMap<>();
    crmIds(appointment, best);
    proximity(appointment, best);
    address(appointment, best);
    attendeeDomains(appointment, best);
    namesInSummary(appointment, best);
    return best.values().stream()
        .sorted(
            Comparator.comparingDouble(AccountLink::confidence)
                .reversed()
                .thenComparing(AccountLink::accountId))
        .toList();
  }

  private void crmIds(Occurrence appointment, Map<String, AccountLink> best) {
    for (String value : appointment.xProperties().getOrDefault("X-PRIMER-ACCOUNT-ID", List.of())) {
      for (String id : value.split(",")) {
        known(id.trim())
            .ifPresent(a -> keep(best, a, 1.0, "X-PRIMER-ACCOUNT-ID " + a.id(), LinkRule.CRM_ID));
      }
    }
    appointment
        .url()
        .map(ACCOUNT_URL::matcher)
        .filter(Matcher::find)
        .flatMap(m -> known(m.group(1)))
        .ifPresent(a -> keep(best, a, 0.99, "URL .../accounts/" + a.id(), LinkRule.CRM_ID));
    Matcher inText = CRM_IN_TEXT.matcher(appointment.description());
    while (inText.find()) {
      known(inText.group(1))
          .ifPresent(a -> keep(best, a, 0.98, "DESCRIPTION says CRM: " + a.id(), LinkRule.CRM_ID));
    }
    Matcher urlInText = ACCOUNT_URL_IN_TEXT.matcher(appointment.description());
    while (urlInText.find()) {
      known(urlInText.group(1))
          .ifPresent(
              a ->
                  keep(best, a, 0.98, "DESCRIPTION links .../accounts/" + a.id(), LinkRule.CRM_ID));
    }
  }

  private void proximity(Occurrence appointment, Map<String, AccountLink> best) {
    if (appointment.geo().isEmpty()) {
      return;
    }
    GeoPoint point = appointment.geo().get();
    boolean fromLocation =
        Coordinates.parse(appointment.location()).filter(point::equals).isPresent();
    String source = fromLocation ? "LOCATION" : "GEO";
    double radius = settings.radiusMeters();
    for (NearbyAccount nearby : locator.within(point, radius)) {
      double distance = nearby.distanceMeters();
      if (distance > radius) {
        continue;
      }
      double confidence = 0.9 - 0.6 * distance / radius;
      String reason = source + " " + Math.round(distance) + " m from " + nearby.account().name();
      keep(best, nearby.account(), confidence, reason, LinkRule.PROXIMITY);
    }
  }

  private void address(Occurrence appointment, Map<String, AccountLink> best) {
    String location = Addresses.normalize(appointment.location());
    List<Account> matching = byAddress.getOrDefault(location, List.of());
    for (Account account : matching) {
      String reason =
          "LOCATION matches the address of " + account.name() + shared(matching.size(), "address");
      keep(best, account, 0.85 / matching.size(), reason, LinkRule.ADDRESS);
    }
  }

  private void attendeeDomains(Occurrence appointment, Map<String, AccountLink> best) {
    for (String email : appointment.attendees()) {
      String domain = domain(email.substring(email.indexOf('@') + 1));
      if (settings.freeMailDomains().contains(domain)) {
        continue;
      }
      for (String candidate = domain; candidate.indexOf('.') > 0; ) {
        List<Account> matching = byDomain.get(candidate);
        if (matching != null) {
          for (Account account : matching) {
            String reason = "attendee @" + domain + shared(matching.size(), "domain");
            keep(best, account, 0.8 / matching.size(), reason, LinkRule.ATTENDEE_DOMAIN);
          }
          break;
        }
        candidate = candidate.substring(candidate.indexOf('.') + 1);
      }
    }
  }

  private void namesInSummary(Occurrence appointment, Map<String, AccountLink> best) {
    for (NameIndex.Name name : names.find(appointment.summary())) {
      for (Account account : name.accounts()) {
        String reason = "SUMMARY names " + name.display() + shared(name.accounts().size(), "name");
        keep(best, account, 0.5 / name.accounts().size(), reason, LinkRule.NAME_IN_SUMMARY);
      }
    }
  }

  private Optional<Account> known(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The stronger link wins; on equal confidence, the rule listed first in {@link LinkRule}. */
  private static void keep(
      Map<String, AccountLink> best,
      Account account,
      double confidence,
      String reason,
      LinkRule rule) {
    AccountLink candidate = new AccountLink(account.id(), confidence, reason, rule);
    best.merge(
        account.id(),
        candidate,
        (old, now) ->
            now.confidence() > old.confidence()
                    || (now.confidence() == old.confidence()
                        && now.rule().compareTo(old.rule()) < 0)
                ? now
                : old);
  }

  private static String shared(int accounts, String what) {
    return accounts > 1 ? " (" + what + " shared by " + accounts + " accounts)" : "";
  }

  private static String domain(String text) {
    String domain = text.trim().toLowerCase(Locale.ROOT);
    if (domain.startsWith("@")) {
      domain = domain.substring(1);
    }
    return domain.startsWith("www.") ? domain.substring(4) : domain;
  }
}

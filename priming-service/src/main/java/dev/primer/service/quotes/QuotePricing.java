package dev.primer.service.quotes;

import dev.primer.cpq.catalogue.CatalogueException;
import dev.primer.cpq.catalogue.CatalogueJson;
import dev.primer.cpq.engine.Amounts;
import dev.primer.cpq.engine.QuoteEngine;
import dev.primer.protocol.quotes.QuoteBasis;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.quotes.QuoteResult;
import dev.primer.protocol.quotes.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices a device's quote again, with the same price list, price book and product rules versions
 * (kept in {@code catalogue_versions}) and the same engine the device runs: the service is
 * authoritative, and a quote it prices otherwise is never accepted silently.
 */
@ApplicationScoped
public class QuotePricing {
  /** The most the device's total may differ from the service's and still agree. */
  public static final BigDecimal TOLERANCE = new BigDecimal("0.01");

  private static final int CACHED_ENGINES = 256;

  /** Engines by basis: compiling a rule set's expressions costs far more than pricing with them. */
  private final Map<QuoteBasis, QuoteEngine> engines =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<QuoteBasis, QuoteEngine> eldest) {
              return size() > CACHED_ENGINES;
            }
          });

  private record Version(String type, String accountId, byte[] content) {}

  /**
   * The verdict on {@code draft}, read on {@code c}; {@code readablePriceList} says whether the
   * device's user may read the price list it names (the one visibility check, made by the caller).
   */
  public QuoteVerdict check(Connection c, QuoteDraft draft, boolean readablePriceList)
      throws SQLException {
    QuoteBasis basis = draft.basis();
    if (!readablePriceList) {
      return QuoteVerdict.refused(
          "price list " + basis.priceListId() + " is not available to this device");
    }
    Optional<Version> list = version(c, basis.priceListId(), basis.priceListVersion());
    if (list.isPresent()
        && (!list.get().type().equals("price-list")
            || !list.get().accountId().equals(draft.request().accountId()))) {
      return QuoteVerdict.refused(
          basis.priceListId() + " is not the price list of account " + draft.request().accountId());
    }
    Optional<Version> book = version(c, basis.priceBookId(), basis.priceBookVersion());
    Optional<Version> rules = version(c, basis.rulesId(), basis.rulesVersion());
    List<String> missing =
        List.of(
                missing(
                    list, "price list " + basis.priceListId() + " v" + basis.priceListVersion()),
                missing(
                    book, "price book " + basis.priceBookId() + " v" + basis.priceBookVersion()),
                missing(rules, "product rules " + basis.rulesId() + " v" + basis.rulesVersion()))
            .stream()
            .filter(s -> !s.isEmpty())
            .toList();
    if (!missing.isEmpty()) {
      return QuoteVerdict.unpriceable(
          "the service does not hold " + String.join(", ", missing) + " to price this quote");
    }
    QuoteEngine engine;
    try {
      engine =
          engines.computeIfAbsent(
              basis,
              b ->
                  QuoteEngine.of(
                      CatalogueJson.priceList(list.orElseThrow().content()),
                      CatalogueJson.priceBook(book.orElseThrow().content()),
                      CatalogueJson.productRules(rules.orElseThrow().content())));
    } catch (CatalogueException e) {
      return QuoteVerdict.unpriceable("the quote's catalogue cannot be used: " + e.getMessage());
    }
    QuoteResult service = engine.price(draft.request());
    Optional<String> difference = difference(draft.result(), service);
    return difference.isEmpty()
        ? QuoteVerdict.agrees(service)
        : QuoteVerdict.differs(difference.get(), service);
  }

  /** What differs between the device's pricing and the service's, if anything that matters. */
  static Optional<String> difference(QuoteResult device, QuoteResult service) {
    if (device.valid() != service.valid()) {
      return Optional.of(
          service.valid()
              ? "the device found the configuration invalid, the service valid"
              : "the service finds the configuration invalid: " + rules(service.violations()));
    }
    List<String> deviceRules = device.violations().stream().map(RuleViolation::rule).toList();
    List<String> serviceRules = service.violations().stream().map(RuleViolation::rule).toList();
    if (!deviceRules.equals(serviceRules)) {
      return Optional.of(
          "violated rules differ: device " + deviceRules + ", service " + serviceRules);
    }
    BigDecimal gap = device.total().subtract(service.total()).abs();
    if (gap.compareTo(TOLERANCE) > 0 || !device.currency().equals(service.currency())) {
      return Optional.of(
          "the service prices this quote at "
              + service.currency()
              + " "
              + Amounts.money(service.total())
              + ", the device at "
              + device.currency()
              + " "
              + Amounts.money(device.total()));
    }
    return Optional.empty();
  }

  private static String rules(List<RuleViolation> violations) {
    return String.join(
        "; ", violations.stream().map(v -> v.rule() + " (" + v.message() + ")").toList());
  }

  private static String missing(Optional<Version> v, String what) {
    return v.isPresent() ? "" : what;
  }

  private static Optional<Version> version(Connection c, String recordId, long version)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT type, account_id, content FROM catalogue_versions"
                + " WHERE record_id = ? AND version = ?")) {
      s.setString(1, recordId);
      s.setLong(2, version);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new Version(rs.getString(1), rs.getString(2), rs.getBytes(3)))
            : Optional.empty();
      }
    }
  }
}

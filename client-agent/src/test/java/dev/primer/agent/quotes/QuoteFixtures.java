package dev.primer.agent.quotes;

import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.TestStore;
import dev.primer.agent.sync.RecordPreparer;
import dev.primer.cpq.catalogue.CatalogueJson;
import dev.primer.cpq.catalogue.DiscountRule;
import dev.primer.cpq.catalogue.PriceBook;
import dev.primer.cpq.catalogue.PriceList;
import dev.primer.cpq.catalogue.Product;
import dev.primer.cpq.catalogue.ProductOption;
import dev.primer.cpq.catalogue.ProductRules;
import dev.primer.cpq.catalogue.Requirement;
import dev.primer.cpq.catalogue.TableConstraint;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import dev.primer.protocol.records.RecordLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store primed with account a1's price list (10% off), the price book it names (a pump with
 * material and motor options, a drive) and its rules (a material × motor table, 30 kW needs the
 * drive).
 */
public final class QuoteFixtures {
  private QuoteFixtures() {}

  record Doc(String id, String accountId, String type, long version, byte[] content) {}

  /** A small quote template: the customer, the lines, the total and the signature area. */
  static final String TEMPLATE =
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body style=\"font-family: 'DejaVu Sans'\">"
          + "<h1>Quote {{quoteId}} for {{account.name}}</h1>"
          + "{{#lines}}<p>{{number}} {{sku}} {{name}} x{{quantity}} {{netAmount}}</p>{{/lines}}"
          + "<p>Total {{currency}} {{total}}, {{paymentTerms}}, valid until {{validUntil}}</p>"
          + "<div id=\"primer-signature\" style=\"width: 60mm; height: 20mm; border: 1px solid"
          + " black\"></div></body></html>";

  private static String title(Doc d) {
    return d.type().equals("account-profile") ? "Account profile - Acme Pumps" : d.id();
  }

  public static void prime(LocalStore store) {
    Map<String, BigDecimal> material = new LinkedHashMap<>();
    material.put("cast-iron", BigDecimal.ZERO);
    material.put("stainless", new BigDecimal("1000"));
    Map<String, BigDecimal> motor = new LinkedHashMap<>();
    motor.put("15kW", BigDecimal.ZERO);
    motor.put("30kW", new BigDecimal("2000"));
    PriceBook book =
        new PriceBook(
            PriceBook.FORMAT,
            "pb-1",
            "Pumps",
            "USD",
            new BigDecimal("25"),
            List.of(
                new Product(
                    "PMP-1",
                    "Pump one",
                    "pump",
                    new BigDecimal("10000"),
                    List.of(
                        new ProductOption("material", "cast-iron", material),
                        new ProductOption("motor", "", motor))),
                new Product("VFD-30", "Drive 30 kW", "drive", new BigDecimal("3000"), List.of())),
            List.of(new DiscountRule("volume", "line", "line.quantity >= 10 ? 5.0 : 0.0")));
    ProductRules rules =
        new ProductRules(
            ProductRules.FORMAT,
            "pr-1",
            "pb-1",
            List.of(
                new TableConstraint(
                    "pump-material-motor",
                    "pump",
                    List.of("material", "motor"),
                    List.of(
                        List.of("cast-iron", "15kW"),
                        List.of("stainless", "15kW"),
                        List.of("stainless", "30kW")))),
            List.of(
                new Requirement(
                    "big-motor-needs-drive",
                    "line.family == 'pump' && line.options.motor == '30kW'",
                    "VFD-30",
                    "")),
            List.of(),
            List.of());
    PriceList list =
        new PriceList(PriceList.FORMAT, "a1", "pb-1", "pr-1", new BigDecimal("10"), "Net 30", 30);
    List<Doc> docs =
        List.of(
            new Doc("list-a1", "a1", "price-list", 3, CatalogueJson.write(list)),
            new Doc("pb-1", "", "price-book", 2, CatalogueJson.write(book)),
            new Doc("pr-1", "", "product-rules", 1, CatalogueJson.write(rules)),
            new Doc(
                "qt-a1",
                "a1",
                "quote-template",
                1,
                TEMPLATE.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new Doc(
                "profile-a1",
                "a1",
                "account-profile",
                1,
                "Acme Pumps, 1 Mill Road".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    List<ManifestEntry> entries = new ArrayList<>();
    for (Doc d : docs) {
      entries.add(
          new ManifestEntry(
              d.id(),
              d.version(),
              d.content().length,
              RecordPreparer.sha256(d.content()),
              Tier.GUARANTEED,
              1,
              "test",
              d.type(),
              title(d)));
    }
    store.stage(TestStore.info(1), entries);
    RecordPreparer preparer = new RecordPreparer(store.cipher());
    store.insert(
        docs.stream()
            .map(
                d ->
                    preparer.inline(
                        RecordLine.inline(
                            d.id(),
                            d.accountId(),
                            d.type(),
                            title(d),
                            d.version(),
                            RecordPreparer.sha256(d.content()),
                            "2026-05-01T00:00:00Z",
                            List.of(),
                            d.content()),
                        RecordPreparer.sha256(d.content()),
                        d.content()))
            .toList());
    store.commitStaged(true, Instant.now());
  }
}

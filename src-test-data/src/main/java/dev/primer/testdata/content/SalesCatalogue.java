package dev.primer.testdata.content;

import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import dev.primer.cpq.catalogue.CatalogueJson;
import dev.primer.cpq.catalogue.PriceList;
import dev.primer.protocol.quotes.QuoteItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The organisation's sales catalogue: one price book of industrial pumps, drives, spares and
 * services with its product rules (resources next to this class, checked by the cpq reader), and
 * each account's price list naming them with a discount and terms derived from the record.
 */
public final class SalesCatalogue {
  /** The price book's record id. */
  public static final String PRICE_BOOK_ID = "pb-industrial";

  /** The product rules' record id. */
  public static final String RULES_ID = "pr-industrial";

  /** What every price list names: the records that price it. */
  public static final List<String> PRICED_BY = List.of(PRICE_BOOK_ID, RULES_ID);

  private static final byte[] PRICE_BOOK = resource("pb-industrial.json");
  private static final byte[] RULES = resource("pr-industrial.json");
  private static final byte[] QUOTE_TEMPLATE = resource("quote-template.html");

  /** The smallest a quote template record may be: its Mustache template must fit. */
  public static final int QUOTE_TEMPLATE_MIN_BYTES = 8_000;

  private static final String[] TERMS = {"Net 30", "Net 45", "Net 60", "2% 10, Net 30"};

  private SalesCatalogue() {}

  /** The organisation-wide records: the price book and its rules, as of {@code start}. */
  public static List<CrmRecord> records(Instant start) {
    Instant updated = start.minus(30, ChronoUnit.DAYS);
    return List.of(
        new CrmRecord(
            PRICE_BOOK_ID,
            CrmRecord.NO_ACCOUNT,
            RecordType.PRICE_BOOK,
            CatalogueJson.priceBook(PRICE_BOOK).name(),
            PRICE_BOOK.length,
            1,
            updated,
            List.of()),
        new CrmRecord(
            RULES_ID,
            CrmRecord.NO_ACCOUNT,
            RecordType.PRODUCT_RULES,
            "Product rules: " + CatalogueJson.priceBook(PRICE_BOOK).name(),
            RULES.length,
            1,
            updated,
            List.of(PRICE_BOOK_ID)));
  }

  /** The content of the price book or the rules record. */
  static byte[] content(CrmRecord record) {
    return switch (record.id()) {
      case PRICE_BOOK_ID -> PRICE_BOOK.clone();
      case RULES_ID -> RULES.clone();
      default -> throw new IllegalArgumentException("no catalogue content for " + record.id());
    };
  }

  /** A quote template: the XHTML Mustache template, padded to the record's size by whitespace. */
  static byte[] quoteTemplate() {
    return QUOTE_TEMPLATE.clone();
  }

  /** An account's price list: the book, the rules, a discount of 0–12.5% and terms. */
  static byte[] priceList(CrmRecord record) {
    long seed = RecordContent.seed(record);
    int step = (int) Math.floorMod(seed, 6L);
    PriceList list =
        new PriceList(
            PriceList.FORMAT,
            record.accountId(),
            PRICE_BOOK_ID,
            RULES_ID,
            BigDecimal.valueOf(step * 25L, 1),
            TERMS[(int) Math.floorMod(seed >>> 8, (long) TERMS.length)],
            Math.floorMod(seed >>> 16, 2L) == 0 ? 30 : 60);
    return CatalogueJson.write(list);
  }

  /**
   * A valid 30-line quote of this catalogue: a pumping station of five pumps with their drives,
   * spares, valves, sensors, controls and service (the quote bench's and the quote drill's).
   */
  public static List<QuoteItem> pumpingStation() {
    return List.of(
        new QuoteItem(
            "PMP-CX80", 2, Map.of("material", "stainless", "seal", "mechanical", "motor", "30kW")),
        new QuoteItem("PMP-MS40", 1, Map.of("motor", "15kW", "seal", "cartridge")),
        new QuoteItem("PMP-SB100", 2, Map.of("motor", "15kW")),
        new QuoteItem("VFD-30", 2, Map.of("enclosure", "IP55")),
        new QuoteItem("VFD-15", 3, Map.of()),
        new QuoteItem("VFD-75", 1, Map.of()),
        new QuoteItem("SEAL-KIT-M", 4, Map.of()),
        new QuoteItem("SEAL-KIT-C", 2, Map.of()),
        new QuoteItem("SEAL-KIT-P", 6, Map.of()),
        new QuoteItem("IMP-CX", 2, Map.of()),
        new QuoteItem("IMP-MS", 3, Map.of()),
        new QuoteItem("BRG-SET", 5, Map.of()),
        new QuoteItem("CPL-FLEX", 3, Map.of()),
        new QuoteItem("CPL-SPACER", 2, Map.of()),
        new QuoteItem("BASE-STEEL", 5, Map.of()),
        new QuoteItem("VLV-CHECK", 5, Map.of()),
        new QuoteItem("VLV-GATE", 10, Map.of()),
        new QuoteItem("VLV-RELIEF", 2, Map.of()),
        new QuoteItem("SNS-PRESS", 10, Map.of()),
        new QuoteItem("SNS-FLOW", 3, Map.of()),
        new QuoteItem("SNS-VIB", 5, Map.of()),
        new QuoteItem("CTL-PANEL", 2, Map.of()),
        new QuoteItem("CTL-TELE", 1, Map.of()),
        new QuoteItem("SVC-COMM", 3, Map.of()),
        new QuoteItem("SVC-PM3", 1, Map.of()),
        new QuoteItem("SVC-TRAIN", 2, Map.of()),
        new QuoteItem("PMP-CX50", 1, Map.of("motor", "7.5kW")),
        new QuoteItem("VFD-55", 1, Map.of()),
        new QuoteItem("PMP-CX125", 1, Map.of("seal", "mechanical", "motor", "55kW")),
        new QuoteItem("BRG-SET", 2, Map.of()));
  }

  /**
   * {@link #pumpingStation()} as {@code agent quote} arguments: --add SKU:QTY, --option SKU.K=V.
   */
  public static List<String> asArguments(List<QuoteItem> items) {
    List<String> args = new java.util.ArrayList<>();
    for (QuoteItem item : items) {
      args.add("--add");
      args.add(item.sku() + ":" + item.quantity());
      item.options()
          .forEach(
              (k, v) -> {
                args.add("--option");
                args.add(item.sku() + "." + k + "=" + v);
              });
    }
    return args;
  }

  private static byte[] resource(String name) {
    try (InputStream in =
        Objects.requireNonNull(
            SalesCatalogue.class.getResourceAsStream("/dev/primer/testdata/catalogue/" + name),
            name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.primer.cpq.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes price books, product rules and price lists, and checks each for what would make
 * a quote meaningless (a default that is no allowed value, a table row of the wrong width, two
 * products with one SKU), naming the document and the place.
 */
public final class CatalogueJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private CatalogueJson() {}

  /** Reads a price book, or says what is wrong with it. */
  public static PriceBook priceBook(byte[] content) {
    PriceBook book = read(content, PriceBook.class, "price book");
    String where = "price book " + book.id();
    format(where, book.format(), PriceBook.FORMAT);
    require(where, "id", book.id());
    require(where, "currency", book.currency());
    Set<String> skus = new HashSet<>();
    for (Product p : book.products()) {
      require(where, "product sku", p.sku());
      String at = where + ": product " + p.sku();
      if (!skus.add(p.sku())) {
        throw new CatalogueException(at + " is listed twice");
      }
      nonNegative(at, "basePrice", p.basePrice());
      Set<String> names = new HashSet<>();
      for (ProductOption o : p.options()) {
        require(at, "option name", o.name());
        String of = at + " option " + o.name();
        if (!names.add(o.name())) {
          throw new CatalogueException(of + " is listed twice");
        }
        if (o.values().isEmpty()) {
          throw new CatalogueException(of + " has no values");
        }
        if (!o.defaultValue().isEmpty() && !o.values().containsKey(o.defaultValue())) {
          throw new CatalogueException(
              of + ": default " + o.defaultValue() + " is not one of " + o.choices());
        }
        o.values().forEach((v, add) -> nonNegative(of + " value " + v, "price", add));
      }
    }
    for (DiscountRule d : book.discounts()) {
      require(where, "discount name", d.name());
      scope(where + ": discount " + d.name(), d.scope());
      require(where + ": discount " + d.name(), "percent", d.percent());
    }
    return book;
  }

  /** Reads product rules, or says what is wrong with them. */
  public static ProductRules productRules(byte[] content) {
    ProductRules rules = read(content, ProductRules.class, "product rules");
    String where = "product rules " + rules.id();
    format(where, rules.format(), ProductRules.FORMAT);
    require(where, "id", rules.id());
    require(where, "priceBookId", rules.priceBookId());
    for (TableConstraint t : rules.tables()) {
      require(where, "table name", t.name());
      String at = where + ": table " + t.name();
      require(at, "family", t.family());
      if (t.columns().isEmpty()) {
        throw new CatalogueException(at + " has no columns");
      }
      for (int i = 0; i < t.rows().size(); i++) {
        if (t.rows().get(i).size() != t.columns().size()) {
          throw new CatalogueException(
              at
                  + ": row "
                  + (i + 1)
                  + " has "
                  + t.rows().get(i).size()
                  + " values for "
                  + t.columns().size()
                  + " columns");
        }
      }
    }
    for (Requirement r : rules.requires()) {
      require(where, "requires rule name", r.name());
      require(where + ": rule " + r.name(), "when", r.when());
      require(where + ": rule " + r.name(), "requires", r.requires());
    }
    for (Exclusion e : rules.excludes()) {
      require(where, "excludes rule name", e.name());
      require(where + ": rule " + e.name(), "sku", e.sku());
      if (e.excludes().isEmpty()) {
        throw new CatalogueException(where + ": rule " + e.name() + " excludes nothing");
      }
    }
    for (Validation v : rules.validations()) {
      require(where, "validation name", v.name());
      scope(where + ": validation " + v.name(), v.scope());
      require(where + ": validation " + v.name(), "holds", v.holds());
    }
    return rules;
  }

  /** Reads an account's price list, or says what is wrong with it. */
  public static PriceList priceList(byte[] content) {
    PriceList list = read(content, PriceList.class, "price list");
    String where = "price list of account " + list.accountId();
    format(where, list.format(), PriceList.FORMAT);
    require(where, "accountId", list.accountId());
    require(where, "priceBookId", list.priceBookId());
    require(where, "rulesId", list.rulesId());
    nonNegative(where, "discountPercent", list.discountPercent());
    if (list.discountPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new CatalogueException(
          where + ": discountPercent must be <= 100, was " + list.discountPercent());
    }
    return list;
  }

  /** Whether content looks like a price list of this format (a record may predate the format). */
  public static boolean isPriceList(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 200), StandardCharsets.UTF_8);
    return head.contains(PriceList.FORMAT);
  }

  /** The document as indented JSON, UTF-8. */
  public static byte[] write(Object document) {
    try {
      return JSON.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + document.getClass().getSimpleName(), e);
    }
  }

  private static <T> T read(byte[] content, Class<T> type, String what) {
    try {
      return JSON.readValue(content, type);
    } catch (JsonProcessingException e) {
      throw new CatalogueException(
          "not a " + what + ": " + e.getOriginalMessage().replace('\n', ' ') + location(e), e);
    } catch (IOException e) {
      throw new CatalogueException("cannot read the " + what + ": " + e.getMessage(), e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static void format(String where, String format, String expected) {
    if (!expected.equals(format)) {
      throw new CatalogueException(
          where + ": format must be " + expected + ", was " + (format.isEmpty() ? "none" : format));
    }
  }

  private static void require(String where, String field, String value) {
    if (value.isBlank()) {
      throw new CatalogueException(where + ": " + field + " is missing");
    }
  }

  private static void scope(String where, String scope) {
    if (!List.of(DiscountRule.LINE, DiscountRule.QUOTE).contains(scope)) {
      throw new CatalogueException(where + ": scope must be line or quote, was " + scope);
    }
  }

  private static void nonNegative(String where, String field, BigDecimal value) {
    if (value.signum() < 0) {
      throw new CatalogueException(where + ": " + field + " must be >= 0, was " + value);
    }
  }
}

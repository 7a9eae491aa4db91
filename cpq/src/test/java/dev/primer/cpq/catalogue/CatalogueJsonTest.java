package dev.primer.cpq.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueJsonTest {
  static PriceBook book(ProductOption option) {
    return new PriceBook(
        PriceBook.FORMAT,
        "pb-1",
        "Book",
        "USD",
        BigDecimal.TEN,
        List.of(new Product("P", "Pump", "pump", new BigDecimal("100.00"), List.of(option))),
        List.of(new DiscountRule("volume", "line", "0.0")));
  }

  static Map<String, BigDecimal> values(String... names) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (String n : names) {
      out.put(n, BigDecimal.ZERO);
    }
    return out;
  }

  @Test
  void aPriceBookReadsBackAsWrittenAlsoWhenPaddedToItsRecordSize() {
    PriceBook book = book(new ProductOption("motor", "15kW", values("15kW", "30kW")));
    byte[] json = CatalogueJson.write(book);
    byte[] padded =
        (new String(json, StandardCharsets.UTF_8) + " ".repeat(500))
            .getBytes(StandardCharsets.UTF_8);

    assertThat(CatalogueJson.priceBook(padded)).isEqualTo(book);
    assertThat(CatalogueJson.priceBook(padded).product("P").orElseThrow().option("motor"))
        .map(ProductOption::choices)
        .contains("15kW | 30kW");
  }

  @Test
  void aDefaultThatIsNoAllowedValueIsNamed() {
    byte[] json =
        CatalogueJson.write(book(new ProductOption("motor", "5kW", values("15kW", "30kW"))));
    assertThatThrownBy(() -> CatalogueJson.priceBook(json))
        .isInstanceOf(CatalogueException.class)
        .hasMessage(
            "price book pb-1: product P option motor: default 5kW is not one of 15kW | 30kW");
  }

  @Test
  void aTableRowOfTheWrongWidthIsNamedWithItsNumber() {
    ProductRules rules =
        new ProductRules(
            ProductRules.FORMAT,
            "pr-1",
            "pb-1",
            List.of(
                new TableConstraint(
                    "t", "pump", List.of("a", "b"), List.of(List.of("x", "y"), List.of("x")))),
            List.of(),
            List.of(),
            List.of());
    assertThatThrownBy(() -> CatalogueJson.productRules(CatalogueJson.write(rules)))
        .hasMessage("product rules pr-1: table t: row 2 has 1 values for 2 columns");
  }

  @Test
  void anotherFormatOrNoJsonAtAllIsRefusedWithWhatItWas() {
    assertThatThrownBy(
            () -> CatalogueJson.priceList("{\"format\":\"x/9\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("price list of account : format must be primer.price-list/1, was x/9");
    assertThatThrownBy(
            () ->
                CatalogueJson.priceList(
                    "Price list\nAccount: Acme".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CatalogueException.class)
        .hasMessageStartingWith("not a price list: ");
    assertThatThrownBy(
            () ->
                CatalogueJson.priceList(
                    "{\"format\":\"primer.price-list/1\",\"colour\":1}"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("colour");
  }
}

package dev.primer.cpq.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.cpq.catalogue.CatalogueException;
import dev.primer.cpq.catalogue.DiscountRule;
import dev.primer.cpq.catalogue.Exclusion;
import dev.primer.cpq.catalogue.PriceBook;
import dev.primer.cpq.catalogue.PriceList;
import dev.primer.cpq.catalogue.Product;
import dev.primer.cpq.catalogue.ProductOption;
import dev.primer.cpq.catalogue.ProductRules;
import dev.primer.cpq.catalogue.Requirement;
import dev.primer.cpq.catalogue.TableConstraint;
import dev.primer.cpq.catalogue.Validation;
import dev.primer.protocol.quotes.AppliedDiscount;
import dev.primer.protocol.quotes.QuoteItem;
import dev.primer.protocol.quotes.QuoteRequest;
import dev.primer.protocol.quotes.QuoteResult;
import dev.primer.protocol.quotes.RuleViolation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteEngineTest {
  static final ProductOption MATERIAL =
      new ProductOption("material", "cast-iron", prices("cast-iron", "0", "stainless", "1000"));
  static final ProductOption MOTOR =
      new ProductOption("motor", "", prices("15kW", "0", "30kW", "2000"));
  static final Product PUMP =
      new Product("PMP-1", "Pump one", "pump", money("10000"), List.of(MATERIAL, MOTOR));
  static final Product DRIVE = new Product("VFD-30", "Drive 30 kW", "drive", money("3000"), null);
  static final Product PLAN1 = new Product("SVC-PM1", "Plan 1y", "service", money("2000"), null);
  static final Product PLAN3 = new Product("SVC-PM3", "Plan 3y", "service", money("5000"), null);

  static PriceBook book(String maxLine, DiscountRule... discounts) {
    return new PriceBook(
        PriceBook.FORMAT,
        "pb-1",
        "Book",
        "USD",
        money(maxLine),
        List.of(PUMP, DRIVE, PLAN1, PLAN3),
        List.of(discounts));
  }

  static final ProductRules RULES =
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
                  "a 30 kW motor is started through a drive")),
          List.of(new Exclusion("one-plan", "SVC-PM1", List.of("SVC-PM3"), "one plan")),
          List.of(
              new Validation(
                  "line-quantity",
                  DiscountRule.LINE,
                  "line.quantity <= 50",
                  "at most 50 on a line",
                  "split the order")));

  static final PriceList ACME =
      new PriceList(PriceList.FORMAT, "a1", "pb-1", "pr-1", money("10"), "Net 30", 30);

  static QuoteRequest request(QuoteItem... items) {
    return new QuoteRequest("a1", List.of(items));
  }

  static QuoteItem item(String sku, long quantity, String... options) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < options.length; i += 2) {
      o.put(options[i], options[i + 1]);
    }
    return new QuoteItem(sku, quantity, o);
  }

  @Test
  void pricesAValidConfigurationWithOptionsDefaultsAndTheAccountsDiscount() {
    QuoteEngine engine = QuoteEngine.of(ACME, book("25"), RULES);

    QuoteResult q =
        engine.price(
            request(item("PMP-1", 2, "material", "stainless", "motor", "30kW"), item("VFD-30", 2)));

    assertThat(q.violations()).isEmpty();
    assertThat(q.valid()).isTrue();
    assertThat(q.lines().get(0).unitPrice()).isEqualByComparingTo("13000");
    assertThat(q.lines().get(0).listAmount()).isEqualByComparingTo("26000");
    assertThat(q.lines().get(0).discounts())
        .extracting(AppliedDiscount::name, AppliedDiscount::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("account agreement", money("2600.00")));
    assertThat(q.lines().get(0).netAmount()).isEqualByComparingTo("23400");
    assertThat(q.listTotal()).isEqualByComparingTo("32000");
    assertThat(q.subtotal()).isEqualByComparingTo("28800");
    assertThat(q.total()).isEqualByComparingTo("28800");
    assertThat(q.currency()).isEqualTo("USD");

    QuoteResult defaults = engine.price(request(item("PMP-1", 1, "motor", "15kW")));
    assertThat(defaults.valid()).isTrue();
    assertThat(defaults.lines().get(0).options())
        .containsEntry("material", "cast-iron")
        .containsEntry("motor", "15kW");
  }

  @Test
  void anInvalidCombinationNamesItsTableAndTheChangesThatWouldFixIt() {
    QuoteResult q =
        QuoteEngine.of(ACME, book("25"), RULES)
            .price(
                request(
                    item("PMP-1", 1, "material", "cast-iron", "motor", "30kW"), item("VFD-30", 1)));

    assertThat(q.valid()).isFalse();
    assertThat(q.violations()).hasSize(1);
    RuleViolation v = q.violations().get(0);
    assertThat(v.rule()).isEqualTo("pump-material-motor");
    assertThat(v.line()).isEqualTo(1);
    assertThat(v.message())
        .isEqualTo("PMP-1: material=cast-iron, motor=30kW is not a valid combination");
    assertThat(v.fix()).isEqualTo("change material to stainless; or motor to 15kW");
    assertThat(q.lines()).hasSize(2); // still priced, so the rep sees what it would cost
  }

  @Test
  void aMissingRequiredProductIsNamedWithWhatToAdd() {
    QuoteResult q =
        QuoteEngine.of(ACME, book("25"), RULES)
            .price(request(item("PMP-1", 1, "material", "stainless", "motor", "30kW")));

    assertThat(q.violations())
        .extracting(RuleViolation::rule, RuleViolation::message, RuleViolation::fix)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "big-motor-needs-drive",
                "PMP-1 requires VFD-30: a 30 kW motor is started through a drive",
                "add VFD-30"));
  }

  @Test
  void excludedProductsInOneQuoteAreAViolation() {
    QuoteResult q =
        QuoteEngine.of(ACME, book("25"), RULES)
            .price(request(item("SVC-PM1", 1), item("SVC-PM3", 1)));

    assertThat(q.violations())
        .extracting(RuleViolation::rule, RuleViolation::fix)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("one-plan", "remove SVC-PM1 or SVC-PM3"));
  }

  @Test
  void unknownProductsOptionsAndValuesAreViolationsWithTheChoices() {
    QuoteResult q =
        QuoteEngine.of(ACME, book("25"), RULES)
            .price(
                request(
                    item("PMP-9", 1),
                    item("PMP-1", 1, "material", "gold", "colour", "red"),
                    item("VFD-30", 0)));

    assertThat(q.violations())
        .extracting(RuleViolation::rule, RuleViolation::line, RuleViolation::fix)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "unknown-product", 1, "choose a product of the price book (near: PMP-1)"),
            org.assertj.core.groups.Tuple.tuple(
                "option-value", 2, "choose material: cast-iron | stainless"),
            org.assertj.core.groups.Tuple.tuple("option-missing", 2, "choose motor: 15kW | 30kW"),
            org.assertj.core.groups.Tuple.tuple("option-unknown", 2, "use one of material, motor"),
            org.assertj.core.groups.Tuple.tuple("quantity", 3, "set a quantity of 1 or more"));
  }

  @Test
  void lineDiscountsStopAtThePriceBooksCapAndQuoteDiscountsApplyToTheSubtotal() {
    PriceBook book =
        book(
            "12",
            new DiscountRule("volume", DiscountRule.LINE, "line.quantity >= 10 ? 5.0 : 0.0"),
            new DiscountRule(
                "project", DiscountRule.QUOTE, "quote.subtotal >= 50000.0 ? 3.0 : 0.0"));

    QuoteResult q = QuoteEngine.of(ACME, book, RULES).price(request(item("VFD-30", 20)));

    assertThat(q.lines().get(0).discounts())
        .extracting(AppliedDiscount::name, d -> d.percent().stripTrailingZeros().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("account agreement", "10"),
            org.assertj.core.groups.Tuple.tuple("volume (capped: 12% at most)", "2"));
    assertThat(q.subtotal()).isEqualByComparingTo("52800"); // 60000 less 12%
    assertThat(q.orderDiscounts())
        .extracting(AppliedDiscount::name, AppliedDiscount::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("project", money("1584.00")));
    assertThat(q.total()).isEqualByComparingTo("51216");
  }

  @Test
  void aRuleThatFailsOnAQuoteMakesItInvalidAndNamesTheRule() {
    ProductRules rules =
        new ProductRules(
            ProductRules.FORMAT,
            "pr-1",
            "pb-1",
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Validation(
                    "needs-colour",
                    DiscountRule.LINE,
                    "line.options.colour == 'red'",
                    "red only",
                    "")));

    QuoteResult q = QuoteEngine.of(ACME, book("25"), rules).price(request(item("VFD-30", 1)));

    assertThat(q.valid()).isFalse();
    assertThat(q.violations().get(0).rule()).isEqualTo("needs-colour");
    assertThat(q.violations().get(0).message())
        .startsWith("needs-colour: line.options.colour == 'red' failed");
  }

  @Test
  void anExpressionThatDoesNotCompileIsRefusedWithItsRule() {
    assertThatThrownBy(
            () ->
                QuoteEngine.of(
                    ACME,
                    book("25", new DiscountRule("broken", DiscountRule.LINE, "line.quantity >")),
                    RULES))
        .isInstanceOf(CatalogueException.class)
        .hasMessageStartingWith("discount broken: line.quantity > is not a valid expression");
  }

  @Test
  void aPriceListThatNamesAnotherBookIsRefused() {
    PriceList other = new PriceList(PriceList.FORMAT, "a1", "pb-2", "pr-1", money("0"), "", 30);
    assertThatThrownBy(() -> QuoteEngine.of(other, book("25"), RULES))
        .isInstanceOf(CatalogueException.class)
        .hasMessage("price list of account a1 names price book pb-2, not pb-1");
  }

  static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  static Map<String, BigDecimal> prices(String... valueAndPrice) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (int i = 0; i < valueAndPrice.length; i += 2) {
      out.put(valueAndPrice[i], money(valueAndPrice[i + 1]));
    }
    return out;
  }
}

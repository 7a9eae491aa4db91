package dev.primer.cpq.engine;

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
import dev.primer.cpq.engine.RuleExpression.RuleFault;
import dev.primer.protocol.quotes.AppliedDiscount;
import dev.primer.protocol.quotes.QuoteItem;
import dev.primer.protocol.quotes.QuoteLine;
import dev.primer.protocol.quotes.QuoteRequest;
import dev.primer.protocol.quotes.QuoteResult;
import dev.primer.protocol.quotes.RuleViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices quotes for one account from its price list, the price book and the product rules it names:
 * every expression compiled once, so one engine prices any number of quotes. The same code runs on
 * the device (offline) and on the service (authoritative).
 *
 * <p>Money is decimal, rounded half-even to cents at each line amount and each discount amount; CEL
 * gives rates as doubles, taken to four decimals, so device and service agree to the cent.
 */
public final class QuoteEngine {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final PriceList priceList;
  private final PriceBook book;
  private final ProductRules rules;
  private final List<Compiled<DiscountRule>> lineDiscounts = new ArrayList<>();
  private final List<Compiled<DiscountRule>> quoteDiscounts = new ArrayList<>();
  private final List<Compiled<Requirement>> requirements = new ArrayList<>();
  private final List<Compiled<Validation>> lineValidations = new ArrayList<>();
  private final List<Compiled<Validation>> quoteValidations = new ArrayList<>();

  private record Compiled<T>(T rule, RuleExpression expression) {}

  private QuoteEngine(PriceList priceList, PriceBook book, ProductRules rules) {
    this.priceList = priceList;
    this.book = book;
    this.rules = rules;
    for (DiscountRule d : book.discounts()) {
      Compiled<DiscountRule> c =
          new Compiled<>(d, RuleExpression.compile("discount " + d.name(), d.percent()));
      (DiscountRule.QUOTE.equals(d.scope()) ? quoteDiscounts : lineDiscounts).add(c);
    }
    for (Requirement r : rules.requires()) {
      requirements.add(new Compiled<>(r, RuleExpression.compile(r.name(), r.when())));
    }
    for (Validation v : rules.validations()) {
      Compiled<Validation> c = new Compiled<>(v, RuleExpression.compile(v.name(), v.holds()));
      (DiscountRule.QUOTE.equals(v.scope()) ? quoteValidations : lineValidations).add(c);
    }
  }

  /**
   * An engine for the account of {@code priceList}, or a {@link CatalogueException} when the three
   * do not go together or an expression does not compile.
   */
  public static QuoteEngine of(PriceList priceList, PriceBook book, ProductRules rules) {
    if (!priceList.priceBookId().equals(book.id())) {
      throw new CatalogueException(
          "price list of account "
              + priceList.accountId()
              + " names price book "
              + priceList.priceBookId()
              + ", not "
              + book.id());
    }
    if (!priceList.rulesId().equals(rules.id())) {
      throw new CatalogueException(
          "price list of account "
              + priceList.accountId()
              + " names product rules "
              + priceList.rulesId()
              + ", not "
              + rules.id());
    }
    if (!rules.priceBookId().equals(book.id())) {
      throw new CatalogueException(
          "product rules " + rules.id() + " go with price book " + rules.priceBookId());
    }
    return new QuoteEngine(priceList, book, rules);
  }

  /** The price book this engine prices from. */
  public PriceBook priceBook() {
    return book;
  }

  /** The account's price list. */
  public PriceList priceList() {
    return priceList;
  }

  /** Checks and prices a request; never throws for a bad configuration, it is a violation. */
  public QuoteResult price(QuoteRequest request) {
    List<RuleViolation> violations = new ArrayList<>();
    if (!request.accountId().equals(priceList.accountId())) {
      violations.add(
          new RuleViolation(
              "account",
              0,
              "the quote is for "
                  + request.accountId()
                  + ", the price list for "
                  + priceList.accountId(),
              "price it with the account's own price list"));
    }
    if (request.items().isEmpty()) {
      violations.add(new RuleViolation("empty", 0, "the quote has no products", "add a product"));
    }
    List<Configured> lines = configure(request, violations);
    Set<String> skus = new LinkedHashSet<>();
    long quantity = 0;
    BigDecimal listTotal = BigDecimal.ZERO;
    for (Configured c : lines) {
      skus.add(c.product.sku());
      quantity += c.item.quantity();
      listTotal = listTotal.add(c.listAmount);
    }
    Map<String, Object> account =
        Map.of(
            "id",
            priceList.accountId(),
            "discountPercent",
            priceList.discountPercent().doubleValue());
    Map<String, Object> quote = new HashMap<>();
    quote.put("skus", List.copyOf(skus));
    quote.put("lineCount", (long) lines.size());
    quote.put("quantity", quantity);
    quote.put("listTotal", listTotal.doubleValue());

    checkTables(lines, violations);
    checkExclusions(skus, violations);
    List<QuoteLine> priced = new ArrayList<>();
    BigDecimal subtotal = BigDecimal.ZERO;
    for (Configured c : lines) {
      Map<String, Object> vars = Map.of("line", c.variables(), "quote", quote, "account", account);
      checkLine(c, vars, skus, violations);
      List<AppliedDiscount> discounts = lineDiscounts(c, vars, violations);
      BigDecimal net = c.listAmount;
      for (AppliedDiscount d : discounts) {
        net = net.subtract(d.amount());
      }
      subtotal = subtotal.add(net);
      priced.add(
          new QuoteLine(
              c.number,
              c.product.sku(),
              c.product.name(),
              c.item.quantity(),
              c.options,
              c.unitPrice,
              c.listAmount,
              discounts,
              net));
    }
    quote.put("subtotal", subtotal.doubleValue());
    Map<String, Object> vars = Map.of("quote", quote, "account", account, "line", Map.of());
    for (Compiled<Validation> v : quoteValidations) {
      validate(v, 0, vars, violations);
    }
    List<AppliedDiscount> orderDiscounts = new ArrayList<>();
    BigDecimal total = subtotal;
    for (Compiled<DiscountRule> d : quoteDiscounts) {
      Optional<BigDecimal> rate = rate(d.expression(), vars, 0, violations);
      if (rate.isPresent() && rate.get().signum() > 0) {
        BigDecimal amount = cents(subtotal.multiply(rate.get()).divide(HUNDRED));
        orderDiscounts.add(new AppliedDiscount(d.rule().name(), rate.get(), amount));
        total = total.subtract(amount);
      }
    }
    return new QuoteResult(
        violations.isEmpty(),
        violations,
        priced,
        listTotal,
        subtotal,
        orderDiscounts,
        total,
        book.currency());
  }

  /** A request line with its product and options resolved, or left out with its violations. */
  private static final class Configured {
    final int number;
    final QuoteItem item;
    final Product product;
    final Map<String, String> options;
    final BigDecimal unitPrice;
    final BigDecimal listAmount;
    final boolean complete;

    Configured(
        int number,
        QuoteItem item,
        Product product,
        Map<String, String> options,
        boolean complete) {
      this.number = number;
      this.complete = complete;
      this.item = item;
      this.product = product;
      this.options = options;
      BigDecimal unit = product.basePrice();
      for (ProductOption o : product.options()) {
        BigDecimal add = o.values().get(options.get(o.name()));
        if (add != null) {
          unit = unit.add(add);
        }
      }
      this.unitPrice = cents(unit);
      this.listAmount = cents(unit.multiply(BigDecimal.valueOf(item.quantity())));
    }

    Map<String, Object> variables() {
      Map<String, Object> line = new HashMap<>();
      line.put("number", (long) number);
      line.put("sku", product.sku());
      line.put("family", product.family());
      line.put("quantity", item.quantity());
      line.put("options", options);
      line.put("unitPrice", unitPrice.doubleValue());
      line.put("listAmount", listAmount.doubleValue());
      return line;
    }
  }

  private List<Configured> configure(QuoteRequest request, List<RuleViolation> violations) {
    List<Configured> out = new ArrayList<>();
    for (int i = 0; i < request.items().size(); i++) {
      QuoteItem item = request.items().get(i);
      int number = i + 1;
      Optional<Product> found = book.product(item.sku());
      if (found.isEmpty()) {
        violations.add(
            new RuleViolation(
                "unknown-product",
                number,
                item.sku() + " is not in price book " + book.id(),
                "choose a product of the price book" + closest(item.sku())));
        continue;
      }
      Product product = found.get();
      if (item.quantity() < 1) {
        violations.add(
            new RuleViolation(
                "quantity",
                number,
                product.sku() + ": quantity must be at least 1, was " + item.quantity(),
                "set a quantity of 1 or more"));
      }
      Map<String, String> options = new LinkedHashMap<>();
      int before = violations.size();
      for (ProductOption o : product.options()) {
        String chosen = item.options().getOrDefault(o.name(), o.defaultValue());
        if (chosen.isEmpty()) {
          violations.add(
              new RuleViolation(
                  "option-missing",
                  number,
                  product.sku() + " needs a choice of " + o.name(),
                  "choose " + o.name() + ": " + o.choices()));
        } else if (!o.values().containsKey(chosen)) {
          violations.add(
              new RuleViolation(
                  "option-value",
                  number,
                  product.sku() + ": " + o.name() + "=" + chosen + " is not offered",
                  "choose " + o.name() + ": " + o.choices()));
        } else {
          options.put(o.name(), chosen);
        }
      }
      for (String given : item.options().keySet()) {
        if (product.option(given).isEmpty()) {
          violations.add(
              new RuleViolation(
                  "option-unknown",
                  number,
                  product.sku() + " has no option " + given,
                  product.options().isEmpty()
                      ? "leave out the option: " + product.sku() + " has none"
                      : "use one of "
                          + String.join(
                              ", ", product.options().stream().map(ProductOption::name).toList())));
        }
      }
      out.add(new Configured(number, item, product, options, violations.size() == before));
    }
    return out;
  }

  private String closest(String sku) {
    String prefix = sku.length() >= 3 ? sku.substring(0, 3) : sku;
    List<String> near =
        book.products().stream()
            .map(Product::sku)
            .filter(s -> !prefix.isEmpty() && s.startsWith(prefix))
            .limit(5)
            .toList();
    return near.isEmpty() ? "" : " (near: " + String.join(", ", near) + ")";
  }

  private void checkTables(List<Configured> lines, List<RuleViolation> violations) {
    for (TableConstraint table : rules.tables()) {
      for (Configured c : lines) {
        if (!c.product.family().equals(table.family())
            || !c.options.keySet().containsAll(table.columns())) {
          continue;
        }
        List<String> values = table.columns().stream().map(c.options::get).toList();
        if (table.rows().contains(values)) {
          continue;
        }
        violations.add(
            new RuleViolation(
                table.name(),
                c.number,
                c.product.sku()
                    + ": "
                    + combination(table.columns(), values)
                    + " is not a valid combination",
                TableFix.describe(table, values)));
      }
    }
  }

  private static String combination(List<String> columns, List<String> values) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      parts.add(columns.get(i) + "=" + values.get(i));
    }
    return String.join(", ", parts);
  }

  private void checkExclusions(Set<String> skus, List<RuleViolation> violations) {
    for (Exclusion e : rules.excludes()) {
      if (!skus.contains(e.sku())) {
        continue;
      }
      for (String other : e.excludes()) {
        if (skus.contains(other)) {
          violations.add(
              new RuleViolation(
                  e.name(),
                  0,
                  e.sku()
                      + " cannot be sold with "
                      + other
                      + (e.message().isEmpty() ? "" : ": " + e.message()),
                  "remove " + e.sku() + " or " + other));
        }
      }
    }
  }

  private void checkLine(
      Configured c, Map<String, ?> vars, Set<String> skus, List<RuleViolation> violations) {
    if (!c.complete) {
      // Its options are already wrong; rules over them would only repeat it, or fail on a gap.
      return;
    }
    for (Compiled<Requirement> r : requirements) {
      try {
        if (r.expression().holds(vars) && !skus.contains(r.rule().requires())) {
          violations.add(
              new RuleViolation(
                  r.rule().name(),
                  c.number,
                  c.product.sku()
                      + " requires "
                      + r.rule().requires()
                      + (r.rule().message().isEmpty() ? "" : ": " + r.rule().message()),
                  "add " + r.rule().requires()));
        }
      } catch (RuleFault fault) {
        violations.add(fault(r.rule().name(), c.number, fault));
      }
    }
    for (Compiled<Validation> v : lineValidations) {
      validate(v, c.number, vars, violations);
    }
  }

  private static void validate(
      Compiled<Validation> v, int line, Map<String, ?> vars, List<RuleViolation> violations) {
    try {
      if (!v.expression().holds(vars)) {
        violations.add(
            new RuleViolation(v.rule().name(), line, v.rule().message(), v.rule().fix()));
      }
    } catch (RuleFault fault) {
      violations.add(fault(v.rule().name(), line, fault));
    }
  }

  private List<AppliedDiscount> lineDiscounts(
      Configured c, Map<String, ?> vars, List<RuleViolation> violations) {
    List<AppliedDiscount> out = new ArrayList<>();
    BigDecimal cap = book.maxLineDiscountPercent();
    BigDecimal taken = BigDecimal.ZERO;
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    if (priceList.discountPercent().signum() > 0) {
      rates.put("account agreement", priceList.discountPercent());
    }
    for (Compiled<DiscountRule> d : lineDiscounts) {
      rate(d.expression(), vars, c.number, violations)
          .filter(r -> r.signum() > 0)
          .ifPresent(r -> rates.put(d.rule().name(), r));
    }
    for (Map.Entry<String, BigDecimal> e : rates.entrySet()) {
      BigDecimal rate = e.getValue().min(cap.subtract(taken));
      if (rate.signum() <= 0) {
        break;
      }
      String name =
          rate.compareTo(e.getValue()) < 0
              ? e.getKey() + " (capped: " + cap.stripTrailingZeros().toPlainString() + "% at most)"
              : e.getKey();
      out.add(new AppliedDiscount(name, rate, cents(c.listAmount.multiply(rate).divide(HUNDRED))));
      taken = taken.add(rate);
    }
    return out;
  }

  private static Optional<BigDecimal> rate(
      RuleExpression expression, Map<String, ?> vars, int line, List<RuleViolation> violations) {
    try {
      double percent = expression.percent(vars);
      if (!Double.isFinite(percent) || percent < 0 || percent > 100) {
        violations.add(
            new RuleViolation(
                expression.rule(),
                line,
                expression.rule() + " gave " + percent + "%, outside 0..100",
                "ask the back office to fix the price book"));
        return Optional.empty();
      }
      return Optional.of(BigDecimal.valueOf(percent).setScale(4, RoundingMode.HALF_EVEN));
    } catch (RuleFault fault) {
      violations.add(fault(expression.rule(), line, fault));
      return Optional.empty();
    }
  }

  private static RuleViolation fault(String rule, int line, RuleFault fault) {
    return new RuleViolation(
        rule, line, fault.reason(), "ask the back office to fix the product rules");
  }

  static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }
}

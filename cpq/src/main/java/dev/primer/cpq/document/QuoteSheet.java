package dev.primer.cpq.document;

import static dev.primer.cpq.engine.Amounts.money;
import static dev.primer.cpq.engine.Amounts.percent;

import dev.primer.protocol.quotes.AppliedDiscount;
import dev.primer.protocol.quotes.QuoteBasis;
import dev.primer.protocol.quotes.QuoteLine;
import dev.primer.protocol.quotes.QuoteResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What a quote template sees, every value already formatted: {@code {{account.name}}}, {@code
 * {{#lines}}...{{/lines}}}, {@code {{total}}} and the rest (cpq/README.md lists them).
 *
 * @param quoteId the quote's id
 * @param date the day it was made (ISO date)
 * @param validUntil the last day it holds (ISO date)
 * @param account the customer
 * @param rep who made it
 * @param currency ISO 4217
 * @param lines the priced lines
 * @param listTotal the sum of list amounts
 * @param subtotal the sum of net amounts
 * @param orderDiscounts the discounts on the whole quote
 * @param total what the customer pays
 * @param paymentTerms e.g. Net 30
 * @param basis the price list, book and rules versions that priced it
 */
public record QuoteSheet(
    String quoteId,
    String date,
    String validUntil,
    Party account,
    Party rep,
    String currency,
    List<Line> lines,
    String listTotal,
    String subtotal,
    List<Discount> orderDiscounts,
    String total,
    String paymentTerms,
    String basis) {

  /** A customer or a rep. */
  public record Party(String id, String name) {}

  /** One line as printed. */
  public record Line(
      int number,
      String sku,
      String name,
      String options,
      long quantity,
      String unitPrice,
      String listAmount,
      String discounts,
      String netAmount) {}

  /** A discount as printed. */
  public record Discount(String name, String percent, String amount) {}

  /** The sheet of a priced quote. */
  public static QuoteSheet of(
      String quoteId,
      String date,
      String validUntil,
      Party account,
      Party rep,
      QuoteResult result,
      QuoteBasis basis,
      String paymentTerms) {
    List<Line> lines = new ArrayList<>();
    for (QuoteLine l : result.lines()) {
      List<String> options = new ArrayList<>();
      l.options().forEach((k, v) -> options.add(k + " " + v));
      List<String> discounts = new ArrayList<>();
      for (AppliedDiscount d : l.discounts()) {
        discounts.add(d.name() + " " + percent(d.percent()) + "% -" + money(d.amount()));
      }
      lines.add(
          new Line(
              l.number(),
              l.sku(),
              l.name(),
              String.join(", ", options),
              l.quantity(),
              money(l.unitPrice()),
              money(l.listAmount()),
              String.join("; ", discounts),
              money(l.netAmount())));
    }
    List<Discount> order = new ArrayList<>();
    for (AppliedDiscount d : result.orderDiscounts()) {
      order.add(new Discount(d.name(), percent(d.percent()), money(d.amount())));
    }
    return new QuoteSheet(
        quoteId,
        date,
        validUntil,
        account,
        rep,
        result.currency(),
        lines,
        money(result.listTotal()),
        money(result.subtotal()),
        order,
        money(result.total()),
        paymentTerms,
        basis.describe());
  }
}

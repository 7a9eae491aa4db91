package dev.primer.agent.quotes;

import static dev.primer.cpq.engine.Amounts.money;
import static dev.primer.cpq.engine.Amounts.percent;

import dev.primer.protocol.quotes.AppliedDiscount;
import dev.primer.protocol.quotes.QuoteBasis;
import dev.primer.protocol.quotes.QuoteLine;
import dev.primer.protocol.quotes.QuoteResult;
import dev.primer.protocol.quotes.RuleViolation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A priced quote as {@code agent quote} prints it: validity first, then lines and totals. */
public final class QuoteText {
  private QuoteText() {}

  /** Prints the quote for {@code accountId}. */
  public static void print(PrintWriter out, String accountId, QuoteBasis basis, QuoteResult q) {
    out.println("quote for account " + accountId + " (" + basis.describe() + ")");
    if (q.valid()) {
      out.println("valid: yes");
    } else {
      out.println(
          "valid: no, "
              + q.violations().size()
              + (q.violations().size() == 1 ? " rule violated" : " rules violated"));
      for (RuleViolation v : q.violations()) {
        out.println(
            "  " + (v.line() > 0 ? "line " + v.line() + " " : "") + v.rule() + ": " + v.message());
        if (!v.fix().isEmpty()) {
          out.println("      fix: " + v.fix());
        }
      }
    }
    for (QuoteLine l : q.lines()) {
      List<String> options = new ArrayList<>();
      l.options().forEach((k, v) -> options.add(k + "=" + v));
      out.printf(
          Locale.ROOT,
          "%3d  %-11s %s%s%n",
          l.number(),
          l.sku(),
          l.name(),
          options.isEmpty() ? "" : "  (" + String.join(", ", options) + ")");
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "     %d x %s = %s",
                  l.quantity(),
                  money(l.unitPrice()),
                  money(l.listAmount())));
      for (AppliedDiscount d : l.discounts()) {
        line.append(
            String.format(
                Locale.ROOT, "   %s %s%% -%s", d.name(), percent(d.percent()), money(d.amount())));
      }
      if (!l.discounts().isEmpty()) {
        line.append("   net ").append(money(l.netAmount()));
      }
      out.println(line);
    }
    out.printf(Locale.ROOT, "list total  %s %s%n", q.currency(), money(q.listTotal()));
    out.printf(Locale.ROOT, "subtotal    %s %s%n", q.currency(), money(q.subtotal()));
    for (AppliedDiscount d : q.orderDiscounts()) {
      out.printf(Locale.ROOT, "%s %s%%  -%s%n", d.name(), percent(d.percent()), money(d.amount()));
    }
    out.printf(Locale.ROOT, "total       %s %s%n", q.currency(), money(q.total()));
  }
}

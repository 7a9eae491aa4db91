package dev.primer.service.edits;

import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.quotes.QuoteBasis;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.quotes.QuoteItem;
import dev.primer.service.storable.StorableText;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** The checks of a quote operation's own values, part of {@link OperationCheck}. */
final class QuoteCheck {
  static final int MAX_ITEMS = 200;
  static final int MAX_OPTIONS = 32;
  static final int MAX_OPTION_TEXT = 128;
  static final long MAX_QUANTITY = 1_000_000;

  private QuoteCheck() {}

  static Optional<String> problem(EditOperation op) {
    QuoteDraft q = op.quote();
    if (!"quote".equals(op.recordType())) {
      return Optional.of(
          "a quote creates a record of type quote, not '" + clip(op.recordType()) + "'");
    }
    if (!op.accountId().equals(q.request().accountId())) {
      return Optional.of(
          "the quote is for account '"
              + clip(q.request().accountId())
              + "', the operation for '"
              + clip(op.accountId())
              + "'");
    }
    int items = q.request().items().size();
    if (items == 0 || items > MAX_ITEMS) {
      return Optional.of("a quote holds 1 to " + MAX_ITEMS + " items, this one " + items);
    }
    for (int i = 0; i < items; i++) {
      QuoteItem item = q.request().items().get(i);
      String at = "quote item " + (i + 1);
      Optional<String> sku = StorableText.problem(item.sku(), StorableText.MAX_ID);
      if (item.sku().isEmpty() || sku.isPresent()) {
        return Optional.of(at + ": sku " + sku.orElse("is missing"));
      }
      if (item.quantity() < 0 || item.quantity() > MAX_QUANTITY) {
        return Optional.of(
            at + ": quantity must be 0 to " + MAX_QUANTITY + ", was " + item.quantity());
      }
      if (item.options().size() > MAX_OPTIONS) {
        return Optional.of(
            at + ": at most " + MAX_OPTIONS + " options, were " + item.options().size());
      }
      for (Map.Entry<String, String> o : item.options().entrySet()) {
        for (String text : new String[] {o.getKey(), o.getValue()}) {
          Optional<String> bad = StorableText.problem(text, MAX_OPTION_TEXT);
          if (text.isEmpty() || bad.isPresent()) {
            return Optional.of(
                at + ": option '" + clip(o.getKey()) + "' " + bad.orElse("is empty"));
          }
        }
      }
    }
    QuoteBasis b = q.basis();
    String[][] ids = {
      {"priceListId", b.priceListId()}, {"priceBookId", b.priceBookId()}, {"rulesId", b.rulesId()}
    };
    for (String[] id : ids) {
      Optional<String> bad = StorableText.problem(id[1], StorableText.MAX_ID);
      if (id[1].isEmpty() || bad.isPresent()) {
        return Optional.of("quote basis " + id[0] + " " + bad.orElse("is missing"));
      }
    }
    if (b.priceListVersion() < 1 || b.priceBookVersion() < 1 || b.rulesVersion() < 1) {
      return Optional.of("quote basis versions must be 1 or more");
    }
    BigDecimal total = q.result().total();
    if (total.scale() > 2 || total.abs().compareTo(new BigDecimal("1e12")) >= 0) {
      return Optional.of(
          "quote total must be an amount in cents under 10^12, was " + clip(total.toPlainString()));
    }
    Optional<String> currency = StorableText.problem(q.result().currency(), 3);
    if (currency.isPresent()) {
      return Optional.of("quote currency " + currency.get());
    }
    if (q.result().lines().size() > MAX_ITEMS || q.result().violations().size() > 10 * MAX_ITEMS) {
      return Optional.of("the quote's result is larger than its items allow");
    }
    return Optional.empty();
  }

  private static String clip(String s) {
    return OperationCheck.clip(s);
  }
}

package dev.primer.agent.quotes;

import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.StoredRecord;
import dev.primer.cpq.catalogue.CatalogueException;
import dev.primer.cpq.catalogue.CatalogueJson;
import dev.primer.cpq.catalogue.PriceBook;
import dev.primer.cpq.catalogue.PriceList;
import dev.primer.cpq.catalogue.ProductRules;
import dev.primer.cpq.engine.QuoteEngine;
import dev.primer.protocol.quotes.QuoteBasis;
import dev.primer.protocol.quotes.QuoteRequest;
import dev.primer.protocol.quotes.QuoteResult;
import java.util.List;

/**
 * Prices a quote from what is on the device: the account's price list, and the price book and
 * product rules it names, which the priming always puts beside it.
 */
public final class OfflineQuotes {
  private OfflineQuotes() {}

  /** A priced quote and the records that priced it. */
  public record Priced(QuoteEngine engine, QuoteBasis basis, QuoteResult result) {}

  /** The engine for an account and the versions it rests on. */
  public record Engine(QuoteEngine engine, QuoteBasis basis) {
    /** Prices a request with this engine. */
    public Priced price(QuoteRequest request) {
      return new Priced(engine, basis, engine.price(request));
    }
  }

  /** Loads the account's pricing, or says what is missing on this device. */
  public static Engine engineFor(LocalStore store, String accountId) {
    List<String> lists = store.recordIdsOf(accountId, "price-list");
    if (lists.isEmpty()) {
      throw new QuoteUnavailableException(
          "no price list of account " + accountId + " is on this device");
    }
    StoredRecord listRecord = inline(store, lists.get(0), "price list");
    try {
      PriceList list = CatalogueJson.priceList(listRecord.content().orElseThrow());
      StoredRecord bookRecord = inline(store, list.priceBookId(), "price book");
      StoredRecord rulesRecord = inline(store, list.rulesId(), "product rules");
      PriceBook book = CatalogueJson.priceBook(bookRecord.content().orElseThrow());
      ProductRules rules = CatalogueJson.productRules(rulesRecord.content().orElseThrow());
      QuoteBasis basis =
          new QuoteBasis(
              listRecord.recordId(),
              listRecord.version(),
              bookRecord.recordId(),
              bookRecord.version(),
              rulesRecord.recordId(),
              rulesRecord.version());
      return new Engine(QuoteEngine.of(list, book, rules), basis);
    } catch (CatalogueException e) {
      throw new QuoteUnavailableException(String.valueOf(e.getMessage()));
    }
  }

  private static StoredRecord inline(LocalStore store, String recordId, String what) {
    StoredRecord r =
        store
            .record(recordId)
            .orElseThrow(
                () ->
                    new QuoteUnavailableException(
                        "the " + what + " " + recordId + " is not on this device"));
    if (r.content().isEmpty()) {
      throw new QuoteUnavailableException(
          "the " + what + " " + recordId + " is held as a file, not as readable content");
    }
    return r;
  }
}

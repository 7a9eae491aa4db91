package dev.primer.testdata.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import dev.primer.cpq.catalogue.CatalogueJson;
import dev.primer.cpq.catalogue.PriceBook;
import dev.primer.cpq.catalogue.PriceList;
import dev.primer.cpq.catalogue.ProductRules;
import dev.primer.cpq.engine.QuoteEngine;
import dev.primer.protocol.quotes.QuoteItem;
import dev.primer.protocol.quotes.QuoteRequest;
import dev.primer.protocol.quotes.QuoteResult;
import dev.primer.protocol.quotes.RuleViolation;
import dev.primer.testdata.generate.SmallOrganisation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesCatalogueTest {
  @Test
  void everyPriceListOfAGeneratedOrganisationPricesWithTheBookAndRulesItNames() {
    List<CrmRecord> records = SmallOrganisation.get().dataSet().records();
    List<CrmRecord> books = records.stream().filter(r -> r.type().organisationWide()).toList();
    assertThat(books)
        .extracting(CrmRecord::id)
        .containsExactly(SalesCatalogue.PRICE_BOOK_ID, SalesCatalogue.RULES_ID);
    PriceBook book = CatalogueJson.priceBook(RecordContent.small(books.get(0), ""));
    ProductRules rules = CatalogueJson.productRules(RecordContent.small(books.get(1), ""));

    List<CrmRecord> lists =
        records.stream().filter(r -> r.type() == RecordType.PRICE_LIST).toList();
    assertThat(lists).isNotEmpty();
    for (CrmRecord r : lists) {
      assertThat(r.relatedIds()).containsExactlyElementsOf(SalesCatalogue.PRICED_BY);
      PriceList list = CatalogueJson.priceList(RecordContent.small(r, "Acme"));
      assertThat(list.accountId()).isEqualTo(r.accountId());
      QuoteEngine.of(list, book, rules); // every expression compiles
    }
  }

  @Test
  void aThirtyLinePumpSystemIsValidAndAWrongCombinationNamesItsFix() {
    CrmRecord list = priceListRecord();
    QuoteEngine engine = engine(list);

    QuoteResult valid =
        engine.price(new QuoteRequest(list.accountId(), SalesCatalogue.pumpingStation()));
    assertThat(valid.violations()).isEmpty();
    assertThat(valid.lines()).hasSize(30);
    assertThat(valid.total()).isPositive().isLessThan(valid.listTotal());

    QuoteResult wrong =
        engine.price(
            new QuoteRequest(
                list.accountId(),
                List.of(
                    new QuoteItem(
                        "PMP-CX80",
                        1,
                        Map.of("material", "duplex", "seal", "packing", "motor", "30kW")))));
    assertThat(wrong.violations())
        .extracting(RuleViolation::rule, RuleViolation::fix)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "centrifugal-material-seal-motor", "change seal to mechanical or cartridge"),
            org.assertj.core.groups.Tuple.tuple("large-motor-needs-drive-30", "add VFD-30"));
  }

  static CrmRecord priceListRecord() {
    return new CrmRecord(
        "r1",
        "a1",
        RecordType.PRICE_LIST,
        "Price list",
        900,
        1,
        Instant.EPOCH,
        SalesCatalogue.PRICED_BY);
  }

  static QuoteEngine engine(CrmRecord list) {
    List<CrmRecord> books = SalesCatalogue.records(Instant.EPOCH);
    return QuoteEngine.of(
        CatalogueJson.priceList(RecordContent.small(list, "Acme")),
        CatalogueJson.priceBook(RecordContent.small(books.get(0), "")),
        CatalogueJson.productRules(RecordContent.small(books.get(1), "")));
  }
}

package dev.primer.core.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.User;
import dev.primer.core.dataset.UserRole;
import dev.primer.core.visibility.ReadableAccounts;
import dev.primer.core.visibility.Visibility;
import dev.primer.core.visibility.VisibilityRules;
import dev.primer.territory.GeoPoint;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetFillTest {
  /** ana owns a-ana; bo owns a-bo; the price book and rules belong to the organisation. */
  private final Catalog catalog =
      Catalog.of(
          List.of(user("ana"), user("bo")),
          List.of(account("a-ana", "ana"), account("a-bo", "bo")),
          List.of(
              record("pb", CrmRecord.NO_ACCOUNT, RecordType.PRICE_BOOK, 10_000, List.of()),
              record("pr", CrmRecord.NO_ACCOUNT, RecordType.PRODUCT_RULES, 5_000, List.of("pb")),
              record("list-ana", "a-ana", RecordType.PRICE_LIST, 1_000, List.of("pb", "pr")),
              record("list-bo", "a-bo", RecordType.PRICE_LIST, 1_000, List.of("pb", "pr")),
              record("contact-ana", "a-ana", RecordType.CONTACT, 1_000, List.of())),
          List.of());

  private ReadableAccounts readableBy(String user) {
    return Visibility.of(catalog, List.of(), new VisibilityRules(false))
        .readableBy(catalog.userIndex(user).orElseThrow());
  }

  private int r(String id) {
    return catalog.recordIndex(id).orElseThrow();
  }

  @Test
  void aPredictedPriceListComesWithItsPriceBookAndRulesInTheGuaranteedTier() {
    BudgetFill fill = new BudgetFill(catalog, readableBy("ana"), 100_000);

    assertThat(fill.offer(r("list-ana"), Tier.PREDICTED, 0.4, "predicted")).isTrue();

    assertThat(fill.entries())
        .extracting(e -> catalog.record(e.record()).id(), SelectionEntry::tier)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pb", Tier.GUARANTEED),
            org.assertj.core.groups.Tuple.tuple("pr", Tier.GUARANTEED),
            org.assertj.core.groups.Tuple.tuple("list-ana", Tier.PREDICTED));
    assertThat(fill.bytes()).isEqualTo(16_000);
  }

  @Test
  void aPriceListWhoseRulesDoNotFitStaysOffTheDevice() {
    BudgetFill fill = new BudgetFill(catalog, readableBy("ana"), 12_000);

    assertThat(fill.offer(r("list-ana"), Tier.GUARANTEED, 1, "appointment")).isFalse();
    assertThat(fill.contains(r("list-ana"))).isFalse();
    assertThat(fill.offer(r("contact-ana"), Tier.PREDICTED, 0.5, "predicted")).isTrue();
  }

  @Test
  void theOrganisationsCatalogueIsEveryonesToReadButAPriceListOnlyItsAccountsReaders() {
    ReadableAccounts bo = readableBy("bo");

    assertThat(bo.record(r("pb"))).isTrue();
    assertThat(bo.record(r("pr"))).isTrue();
    assertThat(bo.record(r("list-bo"))).isTrue();
    assertThat(bo.record(r("list-ana"))).isFalse();
    assertThat(catalog.recordsOf(catalog.accountIndex("a-ana").orElseThrow()))
        .containsExactlyInAnyOrder(r("list-ana"), r("contact-ana"));
  }

  @Test
  void anAccountRecordWithoutAnAccountOrACatalogueRecordWithOneIsRefused() {
    assertThatThrownBy(() -> record("x", "", RecordType.CONTACT, 10, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> record("x", "a-ana", RecordType.PRICE_BOOK, 10, List.of()))
        .hasMessage("a price-book belongs to the organisation: accountId must be empty, was a-ana");
  }

  private static User user(String id) {
    return new User(
        id,
        id,
        id + "@x.example",
        ZoneId.of("America/Chicago"),
        new GeoPoint(41.85, -87.65),
        List.of(),
        "team-" + id,
        UserRole.SALES);
  }

  private static Account account(String id, String owner) {
    return new Account(id, id, id + ".example", "1 Road", new GeoPoint(41.8, -87.6), owner);
  }

  private static CrmRecord record(
      String id, String account, RecordType type, long size, List<String> related) {
    return new CrmRecord(
        id, account, type, id, size, 1, Instant.parse("2026-01-01T00:00:00Z"), related);
  }
}

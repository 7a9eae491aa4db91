package dev.primer.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.primer.core.testing.TinyWorld;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private final TinyWorld world = new TinyWorld();
  private final Catalog catalog = world.catalog;

  @Test
  void anAccountInsideTheUsersTerritoryIsInsideAndOneThirtyKilometresOutIsNot() {
    int ana = world.user("u1");
    int acme = world.account("a1");
    int gamma = world.account("a3");

    Catalog.TerritoryRelation inside = catalog.relation(ana, acme);
    Catalog.TerritoryRelation outside = catalog.relation(ana, gamma);

    assertThat(inside.inside()).isTrue();
    assertThat(outside.inside()).isFalse();
    // Joliet lies about 20 km beyond the square's south-west corner.
    assertThat(outside.kmToBoundary()).isBetween(10.0, 40.0);
  }

  @Test
  void aRelationAskedAgainOrForAnotherUserIsTheSameAsComputedFresh() {
    int ana = world.user("u1");
    int ben = world.user("u2");
    int beta = world.account("a2");

    Catalog.TerritoryRelation first = catalog.relation(ana, beta);

    assertThat(catalog.relation(ana, beta)).isSameAs(first);
    assertThat(catalog.relation(ben, beta).inside()).isEqualTo(first.inside());
    assertThat(catalog.relation(ben, beta).kmToBoundary())
        .isCloseTo(first.kmToBoundary(), within(1e-9));
  }
}

package dev.primer.protocol.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ManifestDeltaTest {
  private static ManifestEntry entry(String id, long version) {
    return new ManifestEntry(id, version, 10, "h" + id + version, Tier.PREDICTED, 0.5, "", "", "");
  }

  @Test
  void applyingTheDeltaGivesTheNewEntriesInTheirOrder() {
    List<ManifestEntry> from = List.of(entry("a", 1), entry("b", 1), entry("c", 1));
    List<ManifestEntry> to = List.of(entry("c", 1), entry("d", 1), entry("a", 2));
    ManifestDelta d = ManifestDelta.between(from, to);
    assertThat(d.added()).containsExactly(entry("d", 1));
    assertThat(d.changed()).containsExactly(entry("a", 2));
    assertThat(d.removed()).containsExactly("b");
    assertThat(d.applyTo(from)).isEqualTo(to);
  }

  @Test
  void aDeltaToAnEmptyManifestEmptiesIt() {
    List<ManifestEntry> from = List.of(entry("a", 1));
    assertThat(ManifestDelta.between(from, List.of()).applyTo(from)).isEmpty();
  }

  @Test
  void randomManifestsRoundTripThroughTheirDelta() {
    Random random = new Random(19);
    for (int round = 0; round < 200; round++) {
      List<ManifestEntry> from = randomManifest(random);
      List<ManifestEntry> to = randomManifest(random);
      assertThat(ManifestDelta.between(from, to).applyTo(from)).isEqualTo(to);
    }
  }

  @Test
  void aDeltaOrderingARecordItDoesNotHoldIsRefused() {
    ManifestDelta bad = new ManifestDelta(List.of(), List.of(), List.of(), List.of("ghost"));
    assertThatThrownBy(() -> bad.applyTo(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("orders record ghost that it does not hold");
  }

  private static List<ManifestEntry> randomManifest(Random random) {
    List<ManifestEntry> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      if (random.nextBoolean()) {
        out.add(entry("r" + i, 1 + random.nextInt(2)));
      }
    }
    java.util.Collections.shuffle(out, random);
    return out;
  }
}

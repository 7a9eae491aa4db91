package dev.primer.service.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.protocol.manifest.Tier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TierNamesTest {
  @Test
  void everyTierCoreSelectsIsATierOfTheWireUnderTheSameName() {
    assertThat(Arrays.stream(dev.primer.core.selection.Tier.values()).map(t -> t.wireName()))
        .containsExactlyElementsOf(Arrays.stream(Tier.values()).map(Tier::wireName).toList());
    for (dev.primer.core.selection.Tier t : dev.primer.core.selection.Tier.values()) {
      assertThat(Tier.fromWire(t.wireName()).name()).isEqualTo(t.name());
    }
  }
}

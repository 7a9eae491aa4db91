package dev.primer.service.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SelectionCacheTest {
  private static UserSelection selection(String user, long budget, int entries) {
    List<ManifestEntry> list = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      list.add(new ManifestEntry("r" + i, 1, 10, "s" + i, Tier.PREDICTED, 0.5, "", "contact", "T"));
    }
    return new UserSelection(
        user,
        LocalDate.of(2026, 3, 2),
        budget,
        "m",
        "1.0",
        "model",
        "",
        10L * entries,
        list,
        List.of(),
        OptionalDouble.empty(),
        Instant.EPOCH,
        1,
        "hash",
        Optional.of(new byte[1000]));
  }

  @Test
  void evictsTheLeastRecentlyUsedWhenOverItsBytes() {
    UserSelection a = selection("u1", 100, 10);
    long one = SelectionCache.weight(a.withoutStoredForm());
    SelectionCache cache = new SelectionCache(2 * one + one / 2);
    cache.put(a);
    cache.put(selection("u2", 100, 10));
    assertThat(cache.get("u1", 100)).isPresent(); // u1 is now the most recently used
    cache.put(selection("u3", 100, 10));
    assertThat(cache.get("u2", 100)).isEmpty();
    assertThat(cache.get("u1", 100)).isPresent();
    assertThat(cache.get("u3", 100)).isPresent();
    assertThat(cache.bytes()).isEqualTo(2 * one);
  }

  @Test
  void replacingASelectionCountsItsBytesOnce() {
    SelectionCache cache = new SelectionCache(1 << 20);
    cache.put(selection("u1", 100, 10));
    cache.put(selection("u1", 100, 20));
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.bytes())
        .isEqualTo(SelectionCache.weight(selection("u1", 100, 20).withoutStoredForm()));
    assertThat(cache.get("u1", 100).orElseThrow().entries()).hasSize(20);
  }

  @Test
  void keepsSelectionsWithoutTheirStoredFormWhichIsPackedAgainWhenAsked() {
    SelectionCache cache = new SelectionCache(1 << 20);
    UserSelection s = selection("u1", 100, 10);
    cache.put(s);
    UserSelection kept = cache.get("u1", 100).orElseThrow();
    assertThat(kept.storedEntries()).isEmpty();
    assertThat(kept).isEqualTo(s.withoutStoredForm());
    assertThat(cache.bytes())
        .isEqualTo(SelectionCache.weight(kept))
        .isLessThan(SelectionCache.weight(s));
    assertThat(dev.primer.service.manifest.EntriesCodec.decode(kept.storedForm()))
        .isEqualTo(s.entries());
  }

  @Test
  void aSelectionLargerThanTheWholeCacheIsNotKept() {
    UserSelection big = selection("u1", 100, 1000);
    SelectionCache cache = new SelectionCache(SelectionCache.weight(big.withoutStoredForm()) - 1);
    cache.put(selection("u2", 100, 1));
    cache.put(big);
    assertThat(cache.get("u1", 100)).isEmpty();
    assertThat(cache.get("u2", 100)).isPresent();
  }
}

package dev.primer.service.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryListTest {
  private static ManifestEntry entry(int i, String reason) {
    return new ManifestEntry(
        "r" + i,
        i,
        1_000L * i,
        "%064x".formatted(i),
        i % 2 == 0 ? Tier.GUARANTEED : Tier.PREDICTED,
        1.0 / (i + 1),
        reason,
        "contact",
        "Title " + i);
  }

  @Test
  void holdsTheEntriesInOrderAndEqualsAnyListOfThem() {
    List<ManifestEntry> entries = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      entries.add(entry(i, "reason " + (i % 7)));
    }
    EntryList columns = EntryList.copyOf(entries);
    assertThat(columns).hasSize(100).containsExactlyElementsOf(entries);
    assertThat(columns).isEqualTo(entries);
    assertThat(columns.hashCode()).isEqualTo(entries.hashCode());
    assertThat(columns.get(42)).isEqualTo(entries.get(42));
  }

  @Test
  void growsPastTheExpectedSize() {
    EntryList.Builder b = new EntryList.Builder(1);
    for (int i = 0; i < 10; i++) {
      b.add(entry(i, "r"));
    }
    assertThat(b.build()).hasSize(10).last().isEqualTo(entry(9, "r"));
  }

  @Test
  void keepsEachDistinctReasonOnce() {
    EntryList columns =
        EntryList.copyOf(List.of(entry(1, new String("same")), entry(2, new String("same"))));
    assertThat(columns.get(0).reason()).isSameAs(columns.get(1).reason());
    assertThat(columns.words()).containsExactly("predicted", "same", "contact", "guaranteed");
  }

  @Test
  void isImmutableAndCopyOfItselfIsItself() {
    EntryList columns = EntryList.copyOf(List.of(entry(1, "x")));
    assertThat(EntryList.copyOf(columns)).isSameAs(columns);
    assertThatThrownBy(() -> columns.add(entry(2, "y")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> columns.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(EntryList.empty()).isEmpty();
  }

  @Test
  void writesTheSameJsonAsAListOfItsEntriesAsTextOrAsBytes() throws Exception {
    List<ManifestEntry> entries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      entries.add(entry(i, i % 3 == 0 ? "Ölpumpe × 東京 \"quoted\"" : "reason " + i));
    }
    entries.add(new ManifestEntry("r-null", 1, 2, "x", null, Double.MIN_VALUE, null, null, null));
    ObjectMapper json = new ObjectMapper();
    JsonNode columns = json.readTree(json.writeValueAsString(EntryList.copyOf(entries)));
    JsonNode plain = json.readTree(json.writeValueAsString(new ArrayList<>(entries)));
    assertThat(columns).isEqualTo(plain);
    // Written as bytes, the hex hashes take the generator's raw UTF-8 path: the same JSON.
    assertThat(json.readTree(json.writeValueAsBytes(EntryList.copyOf(entries)))).isEqualTo(plain);
    assertThat(
            json.readValue(
                json.writeValueAsString(EntryList.copyOf(entries)),
                new TypeReference<List<ManifestEntry>>() {}))
        .isEqualTo(entries);
  }
}

package dev.primer.testdata.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.UserRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BehaviourLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsCoverEveryKnob() {
    Behaviour b = BehaviourLoader.defaults();
    assertThat(b.visits().salesPerDay()).isEqualTo(2.5);
    assertThat(b.access().probability(UserRole.SERVICE, RecordType.SCHEMATIC)).isEqualTo(0.5);
    assertThat(b.habits().recordsPerUser()).isEqualTo(8);
  }

  @Test
  void aPartialYamlFileOverridesOnlyItsKeys() throws IOException {
    Path file = write("b.yaml", "visits:\n  salesPerDay: 4\naccess:\n  sales:\n    contact: 0.5\n");
    Behaviour b = BehaviourLoader.load(file);
    assertThat(b.visits().salesPerDay()).isEqualTo(4);
    assertThat(b.visits().servicePerDay()).isEqualTo(3.0);
    assertThat(b.access().probability(UserRole.SALES, RecordType.CONTACT)).isEqualTo(0.5);
    assertThat(b.access().probability(UserRole.SALES, RecordType.PRICE_LIST)).isEqualTo(0.7);
  }

  @Test
  void jsonIsAcceptedToo() throws IOException {
    Path file = write("b.json", "{\"habits\": {\"strength\": 0.9}}");
    assertThat(BehaviourLoader.load(file).habits().strength()).isEqualTo(0.9);
  }

  @Test
  void rejectsAnUnknownKeyNamingIt() throws IOException {
    Path file = write("b.yaml", "visits:\n  salesPerDya: 4\n");
    assertThatThrownBy(() -> BehaviourLoader.load(file))
        .isInstanceOf(BehaviourException.class)
        .hasMessage("unknown behaviour key visits.salesPerDya in " + file);
  }

  @Test
  void rejectsAValueOutOfRangeNamingKeyAndValue() throws IOException {
    Path file = write("b.yaml", "visits:\n  noShowRate: 1.5\n");
    assertThatThrownBy(() -> BehaviourLoader.load(file))
        .isInstanceOf(BehaviourException.class)
        .hasMessageContaining("visits.noShowRate must be within [0, 1], was 1.5");
  }

  @Test
  void rejectsANegativeNumber() throws IOException {
    Path file = write("b.yaml", "lookups:\n  randomPerDay: -2\n");
    assertThatThrownBy(() -> BehaviourLoader.load(file))
        .hasMessageContaining("lookups.randomPerDay must be within [0, 50], was -2");
  }

  @Test
  void rejectsAnUnreadableFile() {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> BehaviourLoader.load(missing))
        .isInstanceOf(BehaviourException.class)
        .hasMessageStartingWith("cannot read behaviour config " + missing);
  }

  @Test
  void rejectsASectionGivenAsAValue() throws IOException {
    Path file = write("b.yaml", "visits: 3\n");
    assertThatThrownBy(() -> BehaviourLoader.load(file))
        .hasMessage("visits must be a mapping, was 3");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}

package dev.primer.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerValuesTest {
  private static final String SHA = "a".repeat(64);

  private static ManifestEntry entry(String id, long size, String sha, String type) {
    return new ManifestEntry(id, 1, size, sha, Tier.PREDICTED, 0.5, "r", type, "t");
  }

  @Test
  void aSha256IsExactlySixtyFourLowerCaseHexDigits() {
    assertThat(ServerValues.isSha256(SHA)).isTrue();
    for (String bad :
        List.of("../../x", "/tmp/x", SHA.toUpperCase(), SHA + "0", SHA.substring(1), "")) {
      assertThat(ServerValues.isSha256(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> ServerValues.requireSha256("blob", bad))
          .isInstanceOf(ServerValues.RefusedValueException.class)
          .hasMessageStartingWith("blob must be 64 lower-case hex digits");
    }
  }

  @Test
  void refusesManifestEntriesThatCouldNameAPathOrOverflow() {
    assertThat(ServerValues.problem(entry("r00000001", 10, SHA, "contact"))).isEmpty();
    assertThat(ServerValues.problem(entry("../../x", 10, SHA, "contact")))
        .hasValueSatisfying(p -> assertThat(p).contains("record id"));
    assertThat(ServerValues.problem(entry("r1", 10, "../../../x", "contact")))
        .hasValueSatisfying(p -> assertThat(p).contains("sha256"));
    assertThat(ServerValues.problem(entry("r1", -1, SHA, "contact")))
        .hasValueSatisfying(p -> assertThat(p).contains("size -1"));
    assertThat(ServerValues.problem(entry("r1", ServerValues.MAX_SIZE + 1, SHA, "contact")))
        .isPresent();
    assertThat(ServerValues.problem(entry("r1", 10, SHA, "'; DROP TABLE content; --")))
        .hasValueSatisfying(p -> assertThat(p).contains("type"));
    assertThat(ServerValues.problem(entry("r".repeat(ServerValues.MAX_ID + 1), 10, SHA, "x")))
        .isPresent();
  }

  @Test
  void messagesQuoteValuesCutAndWithoutControlCharacters() {
    assertThat(ServerValues.quoted("a\nb")).isEqualTo("'a\\x0ab'");
    assertThat(ServerValues.quoted("x".repeat(500))).hasSize(85);
  }
}

package dev.primer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteWipeTest {
  private static final Instant AT = Instant.parse("2026-03-02T04:00:00Z");

  @TempDir Path dir;

  @Test
  void aWipeLeavesOnlyTheMarkerAndTheHomeNoLongerOpens() throws IOException {
    AgentHome home = filledHome();

    RemoteWipe.Marker marker = RemoteWipe.wipe(home, home.config(), AT);

    assertThat(marker.done()).isTrue();
    assertThat(names()).containsExactlyInAnyOrder("revoked.json", "notes.txt");
    assertThat(Files.readString(dir.resolve("revoked.json")))
        .contains("\"wiped\"", "d-1", AT.toString())
        .doesNotContain("pdt_secret");
    assertThat(home.enrolled()).isFalse();
    assertThatThrownBy(home::config)
        .isInstanceOf(AgentStoppedException.class)
        .hasMessageStartingWith("primer agent: this device (d-1) was revoked by an administrator")
        .hasMessageContaining("wiped at " + AT);
  }

  @Test
  void aWipeCutOffHalfWayIsFinishedBeforeAnythingOpensTheHome() throws IOException {
    AgentHome home = filledHome();
    RemoteWipe.wipe(home, home.config(), AT);
    // As if the process died after writing the marker, before deleting the store.
    Files.writeString(
        dir.resolve("revoked.json"),
        "{\"state\":\"wiping\",\"deviceId\":\"d-1\",\"userId\":\"u1\",\"server\":\"https://p\","
            + "\"wipedAt\":\""
            + AT
            + "\"}");
    Files.writeString(dir.resolve("store.db"), "left behind");
    Files.createDirectories(dir.resolve("blobs/ab"));

    assertThatThrownBy(home::requireNotRevoked).isInstanceOf(AgentStoppedException.class);

    assertThat(names()).containsExactlyInAnyOrder("revoked.json", "notes.txt");
    assertThat(RemoteWipe.marker(home).orElseThrow().done()).isTrue();
  }

  @Test
  void aConfigWrittenBeforeDeviceTokensReadsWithoutAnExpiry() throws IOException {
    Files.writeString(
        dir.resolve("config.json"),
        "{\"server\":\"https://p\",\"deviceId\":\"d-1\",\"userId\":\"u1\",\"token\":\"eyJ\","
            + "\"budgetBytes\":1000,\"windowStart\":\"01:00\",\"windowEnd\":\"05:00\","
            + "\"jitterMinutes\":0,\"batchSize\":1000}");

    AgentConfig config = new AgentHome(dir).config();

    assertThat(config.token()).isEqualTo("eyJ");
    assertThat(config.tokenExpiry()).isEmpty();
    assertThat(config.tokenIssued()).isEmpty();
  }

  private AgentHome filledHome() throws IOException {
    AgentHome home = new AgentHome(dir);
    home.save(
        new AgentConfig(
            "https://p",
            "d-1",
            "u1",
            "pdt_secret",
            AT.plusSeconds(3600).toString(),
            AT.toString(),
            1 << 20,
            "01:00",
            "05:00",
            0,
            List.of(),
            List.of(),
            "",
            false,
            0,
            1000,
            false,
            ""));
    for (String f :
        List.of(
            "agent.key",
            "store.db",
            "store.db-wal",
            "store.db-shm",
            "store.search.db",
            "store.db.sync-lock",
            "notes.txt")) {
      Files.writeString(dir.resolve(f), "x");
    }
    Files.createDirectories(dir.resolve("blobs/ab/cd"));
    Files.writeString(dir.resolve("blobs/ab/cd/abcd.part"), "sealed");
    return home;
  }

  private List<String> names() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).toList();
    }
  }
}

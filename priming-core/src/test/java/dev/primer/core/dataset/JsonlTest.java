package dev.primer.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.territory.GeoPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTest {
  @TempDir Path dir;

  @Test
  void roundTripsEveryDataSetRecordKeepingTheOffset() {
    var user =
        new User(
            "u1",
            "Ana",
            "ana@primer.dev",
            ZoneId.of("America/Chicago"),
            new GeoPoint(41.9, -87.6),
            List.of("t1", "t2"),
            "chicago",
            UserRole.SERVICE);
    var account =
        new Account(
            "a1",
            "ACME Pumps",
            "acmepumps.com",
            "12 Mill Rd, Joliet",
            new GeoPoint(41.8, -87.7),
            "u1");
    var record =
        new CrmRecord(
            "r1",
            "a1",
            RecordType.SCHEMATIC,
            "Pump P-200",
            5_000_000,
            3,
            Instant.parse("2026-01-05T10:00:00Z"),
            List.of("r2"));
    var interaction =
        new Interaction(
            "u1", "r1", OffsetDateTime.parse("2026-01-06T09:15:00-06:00"), InteractionKind.VIEW);

    assertThat(roundTrip(user, User.class)).isEqualTo(user);
    assertThat(roundTrip(account, Account.class)).isEqualTo(account);
    assertThat(roundTrip(record, CrmRecord.class)).isEqualTo(record);
    assertThat(roundTrip(interaction, Interaction.class).at().getOffset())
        .isEqualTo(interaction.at().getOffset());
  }

  @Test
  void writesAccountsWithFlatLatLonAsTheDesignSays() throws IOException {
    Path file = dir.resolve("accounts.jsonl");
    try (var out = Jsonl.writer(file, Account.class)) {
      out.write(new Account("a1", "ACME", "acme.com", "1 Main St", new GeoPoint(1.5, 2.5), "u1"));
    }
    assertThat(Files.readString(file))
        .isEqualTo(
            "{\"id\":\"a1\",\"name\":\"ACME\",\"domain\":\"acme.com\",\"address\":\"1 Main St\","
                + "\"lat\":1.5,"
                + "\"lon\":2.5,\"ownerId\":\"u1\"}\n");
  }

  @Test
  void namesTheFileAndLineOfABadLine() throws IOException {
    Path file = dir.resolve("records.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"r1\",\"accountId\":\"a1\",\"type\":\"contact\",\"title\":\"t\",\"sizeBytes\":10,"
            + "\"version\":1,\"updatedAt\":\"2026-01-01T00:00:00Z\"}\n"
            + "{\"id\":\"r2\",\"accountId\":\"a1\",\"type\":\"fax\",\"title\":\"t\",\"sizeBytes\":10,"
            + "\"version\":1,\"updatedAt\":\"2026-01-01T00:00:00Z\"}\n");
    List<CrmRecord> read = new ArrayList<>();

    assertThatThrownBy(() -> Jsonl.forEach(file, CrmRecord.class, read::add))
        .isInstanceOf(DataSetFormatException.class)
        .hasMessageStartingWith("records.jsonl:2: ")
        .hasMessageContaining("unknown RecordType 'fax'");
    assertThat(read).extracting(CrmRecord::id).containsExactly("r1");
  }

  private <T> T roundTrip(T value, Class<T> type) {
    Path file = dir.resolve(type.getSimpleName() + ".jsonl");
    try (var out = Jsonl.writer(file, type)) {
      out.write(value);
    }
    List<T> back = new ArrayList<>();
    Jsonl.forEach(file, type, back::add);
    assertThat(back).hasSize(1);
    return back.get(0);
  }
}

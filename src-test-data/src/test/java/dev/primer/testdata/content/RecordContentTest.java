package dev.primer.testdata.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordContentTest {
  private static CrmRecord record(String id, RecordType type, long size, long version) {
    return new CrmRecord(
        id, "a1", type, "Service report: pump seal", size, version, Instant.EPOCH, List.of());
  }

  @Test
  void smallContentIsReadableTextOfExactlyTheRecordsSize() {
    for (long size : new long[] {1, 17, 300, 9_999, RecordContent.SMALL_MAX}) {
      byte[] text =
          RecordContent.small(record("r1", RecordType.SERVICE_HISTORY, size, 1), "ACME Pumps Ltd");
      assertThat(text).hasSize((int) size);
    }
    String text =
        new String(
            RecordContent.small(
                record("r1", RecordType.SERVICE_HISTORY, 5_000, 1), "ACME Pumps Ltd"),
            StandardCharsets.UTF_8);
    assertThat(text).startsWith("Service report: pump seal\nAccount: ACME Pumps Ltd\n");
    assertThat(text).containsAnyOf("seal", "bearing", "valve", "vibration");
  }

  @Test
  void sameRecordVersionGivesSameBytesAndANewVersionOthers() {
    CrmRecord v1 = record("r2", RecordType.CONTACT, 2_000, 1);
    assertThat(RecordContent.small(v1, "A")).isEqualTo(RecordContent.small(v1, "A"));
    assertThat(RecordContent.small(record("r2", RecordType.CONTACT, 2_000, 2), "A"))
        .isNotEqualTo(RecordContent.small(v1, "A"));
  }

  @Test
  void neverCutsAMultiByteCharacterInHalf() {
    byte[] text =
        RecordContent.small(record("r3", RecordType.CONTACT, 60, 1), "Łódź Überschall Ölwerke");
    assertThat(new String(text, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
    assertThat(text).hasSize(60);
  }

  @Test
  void largeContentIsAStreamOfExactlyTheRecordsSize() throws IOException {
    CrmRecord big = record("r4", RecordType.SCHEMATIC, 1_000_003, 1);
    byte[] first;
    try (InputStream in = RecordContent.large(big)) {
      first = in.readAllBytes();
    }
    assertThat(first).hasSize(1_000_003);
    byte[] again = new byte[1_000_003];
    try (InputStream in = RecordContent.large(big)) {
      int off = 0;
      // Odd read sizes, to cross the 8-byte words at every offset.
      for (int n = 1; off < again.length; n = n % 13 + 1) {
        int read = in.read(again, off, Math.min(n, again.length - off));
        off += read;
      }
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(again).isEqualTo(first);
    assertThatThrownBy(() -> RecordContent.small(big, "A")).hasMessageContaining("is large");
  }
}

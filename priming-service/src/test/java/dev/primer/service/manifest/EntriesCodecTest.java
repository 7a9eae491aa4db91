package dev.primer.service.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

class EntriesCodecTest {
  private static final String SHA =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private static final List<ManifestEntry> ENTRIES =
      List.of(
          new ManifestEntry(
              "r00000017", 3, 8_812, SHA, Tier.GUARANTEED, 1.0, "visit at 10:00", "note", "Pump"),
          new ManifestEntry(
              "r2", 1, 0, "not-a-hash", Tier.PREDICTED, 0.1 + 0.2, "", "schematic", "Ölpumpe – 東京"),
          new ManifestEntry(
              "r3",
              Long.MAX_VALUE,
              20L << 30,
              SHA.toUpperCase(),
              Tier.PREDICTED,
              1e-300,
              "x",
              "",
              ""));

  @Test
  void entriesReadBackExactly() {
    assertThat(EntriesCodec.decode(EntriesCodec.encode(ENTRIES))).isEqualTo(ENTRIES);
  }

  @Test
  void anEmptyListReadsBackEmpty() {
    assertThat(EntriesCodec.decode(EntriesCodec.encode(List.of()))).isEmpty();
  }

  @Test
  void listsStoredAsGzipJsonByEarlierVersionsStillRead() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      new ObjectMapper().writeValue(gzip, ENTRIES);
    }
    assertThat(EntriesCodec.decode(bytes.toByteArray())).isEqualTo(ENTRIES);
  }

  @Test
  void listsStoredDeflatedByEarlierVersionsStillRead() {
    // The same layout with its text deflated and marked 'P', as written until LZ4 replaced it.
    byte[] lz4 = EntriesCodec.encode(ENTRIES);
    ByteBuffer head = ByteBuffer.wrap(lz4, 1, 8);
    int textLength = head.getInt();
    int hashesLength = head.getInt();
    int from = 9 + hashesLength;
    byte[] text =
        LZ4Factory.safeInstance()
            .fastDecompressor()
            .decompress(Arrays.copyOfRange(lz4, from, lz4.length), textLength);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    deflater.setInput(text);
    deflater.finish();
    byte[] deflated = new byte[text.length + 64];
    int n = 0;
    while (!deflater.finished()) {
      n += deflater.deflate(deflated, n, deflated.length - n);
    }
    deflater.end();
    byte[] stored = Arrays.copyOf(lz4, from + n);
    stored[0] = 'P';
    System.arraycopy(deflated, 0, stored, from, n);

    assertThat(EntriesCodec.decode(stored)).isEqualTo(ENTRIES);
  }

  @Test
  void aDamagedListIsAnErrorNotAShorterList() {
    byte[] stored = EntriesCodec.encode(ENTRIES);
    byte[] cut = Arrays.copyOf(stored, stored.length / 2);
    assertThatThrownBy(() -> EntriesCodec.decode(cut))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("do not read back");
  }

  @Test
  void thePackedDigestChangesWithAnyFieldAndOnlyThen() {
    byte[] digest = EntriesCodec.pack(ENTRIES).digest();
    assertThat(EntriesCodec.pack(List.copyOf(ENTRIES)).digest()).isEqualTo(digest);
    ManifestEntry first = ENTRIES.get(0);
    List<ManifestEntry> rescored =
        List.of(
            new ManifestEntry(
                first.recordId(),
                first.version(),
                first.sizeBytes(),
                first.sha256(),
                first.tier(),
                Math.nextUp(first.score()),
                first.reason(),
                first.type(),
                first.title()),
            ENTRIES.get(1),
            ENTRIES.get(2));
    assertThat(EntriesCodec.pack(rescored).digest()).isNotEqualTo(digest);
    assertThat(EntriesCodec.pack(ENTRIES.subList(0, 2)).digest()).isNotEqualTo(digest);
  }
}

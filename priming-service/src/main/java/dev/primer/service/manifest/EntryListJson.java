package dev.primer.service.manifest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes an {@link EntryList} as the JSON array of its entries straight from its columns, with the
 * field names and the list's few hundred distinct tiers, reasons and types encoded once. A manifest
 * lists thousands of entries; writing them as records cost about 13 ms of a 2.5 MB answer, most of
 * it encoding the same strings again.
 */
final class EntryListJson extends StdSerializer<EntryList> {
  private static final long serialVersionUID = 1L;

  private static final SerializedString RECORD_ID = new SerializedString("recordId");
  private static final SerializedString VERSION = new SerializedString("version");
  private static final SerializedString SIZE_BYTES = new SerializedString("sizeBytes");
  private static final SerializedString SHA256 = new SerializedString("sha256");
  private static final SerializedString TIER = new SerializedString("tier");
  private static final SerializedString SCORE = new SerializedString("score");
  private static final SerializedString REASON = new SerializedString("reason");
  private static final SerializedString TYPE = new SerializedString("type");
  private static final SerializedString TITLE = new SerializedString("title");

  EntryListJson() {
    super(EntryList.class);
  }

  @Override
  public void serialize(EntryList list, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    SerializedString[] words = list.jsonWords();
    int n = list.size();
    byte[] hex = new byte[64];
    // Raw UTF-8 is only for generators writing bytes (a String or a token buffer refuses it).
    boolean bytes = gen instanceof UTF8JsonGenerator;
    gen.writeStartArray(list, n);
    for (int i = 0; i < n; i++) {
      gen.writeStartObject();
      gen.writeFieldName(RECORD_ID);
      gen.writeString(list.recordId(i));
      gen.writeFieldName(VERSION);
      gen.writeNumber(list.version(i));
      gen.writeFieldName(SIZE_BYTES);
      gen.writeNumber(list.sizeBytes(i));
      gen.writeFieldName(SHA256);
      if (bytes && list.sha256IsHex(i)) {
        // Hex needs no escaping: its ASCII bytes are copied as they are (writing it as chars
        // went through the generator's char-to-UTF-8 path, a sixth of the manifest's JSON time).
        Hashes.writeLowerHex(list.sha256Bytes(), 32 * i, hex, 0);
        gen.writeRawUTF8String(hex, 0, hex.length);
      } else {
        gen.writeString(list.sha256(i));
      }
      gen.writeFieldName(TIER);
      word(gen, words[list.wordIndex(i, 0)]);
      gen.writeFieldName(SCORE);
      gen.writeNumber(list.score(i));
      gen.writeFieldName(REASON);
      word(gen, words[list.wordIndex(i, 1)]);
      gen.writeFieldName(TYPE);
      word(gen, words[list.wordIndex(i, 2)]);
      gen.writeFieldName(TITLE);
      gen.writeString(list.title(i));
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private static void word(JsonGenerator gen, SerializedString word) throws IOException {
    if (word == null) {
      gen.writeNull();
    } else {
      gen.writeString(word);
    }
  }
}

package dev.primer.testdata.content;

import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Synthetic record content, generated from the record alone (id, version, size, type, title), so
 * the same record always gets the same bytes and a data set needs no content files. Small records
 * are readable text with the title, the account's name and words of the record's type, so that
 * full-text search finds them; large ones are a fast deterministic byte stream.
 */
public final class RecordContent {
  /** Content up to this size is text; the service stores it inline. */
  public static final int SMALL_MAX = 64 * 1024;

  private static final String[] COMMON = {
    "customer", "site", "visit", "technician", "follow-up", "scheduled", "notes", "status",
    "priority", "contact", "equipment", "report", "service", "maintenance", "account", "region"
  };

  private RecordContent() {}

  /** Whether the record's content is small text (else a large byte stream). */
  public static boolean isSmall(CrmRecord record) {
    return record.sizeBytes() <= SMALL_MAX;
  }

  /** The text content of a small record: exactly {@code sizeBytes} bytes of UTF-8. */
  public static byte[] small(CrmRecord record, String accountName) {
    if (!isSmall(record)) {
      throw new IllegalArgumentException(
          "record " + record.id() + " is large (" + record.sizeBytes() + " bytes)");
    }
    int size = (int) record.sizeBytes();
    switch (record.type()) {
      case PRICE_LIST -> {
        return exactly(SalesCatalogue.priceList(record), size);
      }
      case PRICE_BOOK, PRODUCT_RULES -> {
        return exactly(SalesCatalogue.content(record), size);
      }
      case QUOTE_TEMPLATE -> {
        return exactly(SalesCatalogue.quoteTemplate(), size);
      }
      default -> {
        // text below
      }
    }
    SplittableRandom random = new SplittableRandom(seed(record));
    StringBuilder text = new StringBuilder(size + 64);
    text.append(record.title())
        .append('\n')
        .append("Account: ")
        .append(accountName)
        .append('\n')
        .append("Type: ")
        .append(record.type().wireName())
        .append(" | Record ")
        .append(record.id())
        .append(" version ")
        .append(record.version())
        .append("\n\n");
    String[] words = words(record.type());
    int sentence = 0;
    while (text.length() < size) {
      String[] pool = random.nextInt(3) == 0 ? COMMON : words;
      String word = pool[random.nextInt(pool.length)];
      text.append(sentence == 0 ? capitalise(word) : word);
      sentence++;
      if (sentence > 6 + random.nextInt(10)) {
        text.append(random.nextInt(8) == 0 ? ".\n" : ". ");
        sentence = 0;
        if (random.nextInt(12) == 0) {
          text.append(accountName).append(": ");
        }
      } else {
        text.append(' ');
      }
    }
    return exactly(text.toString().getBytes(StandardCharsets.UTF_8), size);
  }

  /** The content of a large record: {@code sizeBytes} pseudo-random bytes, generated as read. */
  public static InputStream large(CrmRecord record) {
    return new RandomBytes(seed(record), record.sizeBytes());
  }

  /** A seed from the record's id and version: the same record version, the same content. */
  static long seed(CrmRecord record) {
    long h = 0xcbf29ce484222325L;
    for (byte b : record.id().getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001b3L;
    }
    return h ^ (record.version() * 0x9e3779b97f4a7c15L) ^ record.sizeBytes();
  }

  /** Cuts or pads to {@code size} bytes without leaving half a UTF-8 character at the end. */
  private static byte[] exactly(byte[] bytes, int size) {
    byte[] out = new byte[size];
    System.arraycopy(bytes, 0, out, 0, Math.min(size, bytes.length));
    for (int i = bytes.length; i < size; i++) {
      out[i] = ' ';
    }
    if (bytes.length > size) {
      int end = size;
      int start = end - 1;
      while (start >= 0 && (out[start] & 0xC0) == 0x80) {
        start--;
      }
      if (start >= 0 && (out[start] & 0x80) != 0 && start + length(out[start]) > end) {
        for (int i = start; i < end; i++) {
          out[i] = ' ';
        }
      }
    }
    return out;
  }

  private static int length(byte lead) {
    int b = lead & 0xFF;
    return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String[] words(RecordType type) {
    return switch (type) {
      case ACCOUNT_PROFILE ->
          new String[] {
            "industry", "headquarters", "opening", "hours", "access", "gate", "safety", "induction",
            "parking", "loading", "dock", "revenue", "employees", "contract", "renewal", "segment"
          };
      case CONTACT ->
          new String[] {
            "phone",
            "mobile",
            "email",
            "manager",
            "engineer",
            "purchasing",
            "decision",
            "maker",
            "prefers",
            "morning",
            "calls",
            "assistant",
            "extension",
            "reliability",
            "operations"
          };
      case SERVICE_HISTORY ->
          new String[] {
            "inspection",
            "pump",
            "seal",
            "bearing",
            "valve",
            "replaced",
            "leak",
            "vibration",
            "calibration",
            "pressure",
            "motor",
            "overheating",
            "alignment",
            "lubrication",
            "warranty"
          };
      case SCHEMATIC ->
          new String[] {
            "drawing", "revision", "assembly", "diagram", "wiring", "circuit", "dimension",
            "tolerance", "flange", "impeller", "housing", "layout", "section", "detail"
          };
      case PARTS_INVENTORY ->
          new String[] {
            "part",
            "number",
            "stock",
            "bin",
            "quantity",
            "gasket",
            "impeller",
            "filter",
            "o-ring",
            "coupling",
            "shaft",
            "reorder",
            "supplier",
            "backorder",
            "warehouse"
          };
      case PRICE_LIST, PRICE_BOOK, PRODUCT_RULES, QUOTE ->
          new String[] {
            "price",
            "discount",
            "list",
            "net",
            "currency",
            "sku",
            "tier",
            "volume",
            "rebate",
            "freight",
            "surcharge",
            "effective",
            "valid",
            "margin"
          };
      case QUOTE_TEMPLATE ->
          new String[] {
            "quote",
            "terms",
            "validity",
            "payment",
            "delivery",
            "incoterms",
            "signature",
            "scope",
            "labour",
            "materials",
            "estimate",
            "acceptance",
            "conditions",
            "total"
          };
    };
  }

  /** Pseudo-random bytes from a seed, eight at a time. */
  private static final class RandomBytes extends InputStream {
    private final SplittableRandom random;
    private long remaining;
    private long word;
    private int wordBytes;

    RandomBytes(long seed, long size) {
      this.random = new SplittableRandom(seed);
      this.remaining = size;
    }

    @Override
    public int read() {
      if (remaining <= 0) {
        return -1;
      }
      if (wordBytes == 0) {
        word = random.nextLong();
        wordBytes = 8;
      }
      int b = (int) (word & 0xFF);
      word >>>= 8;
      wordBytes--;
      remaining--;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      int i = 0;
      while (i < n && wordBytes > 0) {
        buffer[offset + i++] = (byte) word;
        word >>>= 8;
        wordBytes--;
      }
      while (n - i >= 8) {
        long w = random.nextLong();
        for (int k = 0; k < 8; k++) {
          buffer[offset + i++] = (byte) w;
          w >>>= 8;
        }
      }
      while (i < n) {
        if (wordBytes == 0) {
          word = random.nextLong();
          wordBytes = 8;
        }
        buffer[offset + i++] = (byte) word;
        word >>>= 8;
        wordBytes--;
      }
      remaining -= n;
      return n;
    }

    @Override
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, remaining);
    }
  }
}

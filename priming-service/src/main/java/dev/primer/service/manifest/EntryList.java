package dev.primer.service.manifest;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * An immutable list of manifest entries kept in columns. Selections stay in memory by the hundred
 * (7,000–10,000 entries each); as entry objects with a reason string each they took about 1.6 MB
 * apiece in some 25,000 small objects that every young collection had to copy. In columns, with the
 * few hundred distinct tiers, reasons and types held once, a list takes about 50 bytes an entry in
 * a dozen arrays. {@link #get} builds the entry when asked.
 */
@JsonSerialize(using = EntryListJson.class)
public final class EntryList extends AbstractList<ManifestEntry> implements RandomAccess {
  private static final EntryList EMPTY = new Builder(0).build();
  private static final HexFormat HEX = HexFormat.of();

  private final String[] recordIds;
  private final long[] versions;
  private final long[] sizes;

  /**
   * The hashes as 32 bytes each; a hash that is not lower-case hex is kept as it is in {@link
   * #oddSha256s}.
   */
  private final byte[] sha256s;

  private final Map<Integer, String> oddSha256s;
  private final double[] scores;
  private final String[] titles;

  /** Per entry three indexes into {@link #words}: tier, reason, type. */
  private final int[] wordIndexes;

  private final String[] words;

  /** {@link #words} encoded for JSON once, when first written (a cached list is written often). */
  private volatile SerializedString[] jsonWords;

  private EntryList(Builder b) {
    int n = b.size;
    recordIds = Arrays.copyOf(b.recordIds, n);
    versions = Arrays.copyOf(b.versions, n);
    sizes = Arrays.copyOf(b.sizes, n);
    sha256s = Arrays.copyOf(b.sha256s, 32 * n);
    oddSha256s = Map.copyOf(b.oddSha256s);
    scores = Arrays.copyOf(b.scores, n);
    titles = Arrays.copyOf(b.titles, n);
    wordIndexes = Arrays.copyOf(b.wordIndexes, 3 * n);
    words = new String[b.words.size()];
    for (Map.Entry<String, Integer> w : b.words.entrySet()) {
      words[w.getValue()] = w.getKey();
    }
  }

  /** The list holding nothing. */
  public static EntryList empty() {
    return EMPTY;
  }

  /** The same entries in columns; {@code entries} itself when it already is an EntryList. */
  public static EntryList copyOf(List<ManifestEntry> entries) {
    if (entries instanceof EntryList columns) {
      return columns;
    }
    Builder b = new Builder(entries.size());
    entries.forEach(b::add);
    return b.build();
  }

  @Override
  public ManifestEntry get(int i) {
    if (i < 0 || i >= recordIds.length) {
      throw new IndexOutOfBoundsException(i);
    }
    return new ManifestEntry(
        recordIds[i],
        versions[i],
        sizes[i],
        sha256(i),
        Tier.fromWire(words[wordIndexes[3 * i]]),
        scores[i],
        words[wordIndexes[3 * i + 1]],
        words[wordIndexes[3 * i + 2]],
        titles[i]);
  }

  @Override
  public int size() {
    return recordIds.length;
  }

  // Column access for EntriesCodec, which writes the columns without building entries.

  String recordId(int i) {
    return recordIds[i];
  }

  long version(int i) {
    return versions[i];
  }

  long sizeBytes(int i) {
    return sizes[i];
  }

  String sha256(int i) {
    String odd = oddSha256s.get(i);
    return odd != null ? odd : HEX.formatHex(sha256s, 32 * i, 32 * i + 32);
  }

  /** Whether the entry's hash is lower-case hex, held as its 32 bytes in {@link #sha256Bytes}. */
  boolean sha256IsHex(int i) {
    return oddSha256s.isEmpty() || !oddSha256s.containsKey(i);
  }

  /** The hashes' bytes, 32 per entry from {@code 32 * i}; read only. */
  byte[] sha256Bytes() {
    return sha256s;
  }

  double score(int i) {
    return scores[i];
  }

  String title(int i) {
    return titles[i];
  }

  /** Index into {@link #words()} of the entry's tier (field 0), reason (1) or type (2). */
  int wordIndex(int i, int field) {
    return wordIndexes[3 * i + field];
  }

  /** The words as {@link EntryListJson} writes them; null stays null. */
  SerializedString[] jsonWords() {
    SerializedString[] encoded = jsonWords;
    if (encoded == null) {
      encoded = new SerializedString[words.length];
      for (int i = 0; i < words.length; i++) {
        encoded[i] = words[i] == null ? null : new SerializedString(words[i]);
      }
      jsonWords = encoded;
    }
    return encoded;
  }

  /** The distinct tiers, reasons and types, in order of first use. */
  List<String> words() {
    return Collections.unmodifiableList(Arrays.asList(words));
  }

  /** Collects entries in order; repeated tiers, reasons and types are kept once. */
  public static final class Builder {
    private String[] recordIds;
    private long[] versions;
    private long[] sizes;
    private byte[] sha256s;
    private final Map<Integer, String> oddSha256s = new HashMap<>();
    private double[] scores;
    private String[] titles;
    private int[] wordIndexes;
    private final Map<String, Integer> words = new HashMap<>();
    private int size;

    /** A builder with room for {@code expected} entries (it grows past them). */
    public Builder(int expected) {
      int capacity = Math.max(1, expected);
      recordIds = new String[capacity];
      versions = new long[capacity];
      sizes = new long[capacity];
      sha256s = new byte[32 * capacity];
      scores = new double[capacity];
      titles = new String[capacity];
      wordIndexes = new int[3 * capacity];
    }

    /** Appends one entry. */
    public Builder add(ManifestEntry e) {
      return add(
          e.recordId(),
          e.version(),
          e.sizeBytes(),
          e.sha256(),
          e.tier().wireName(),
          e.score(),
          e.reason(),
          e.type(),
          e.title());
    }

    /** Appends one entry from its fields, in {@link ManifestEntry}'s order. */
    public Builder add(
        String recordId,
        long version,
        long sizeBytes,
        String sha256,
        String tier,
        double score,
        String reason,
        String type,
        String title) {
      if (size == recordIds.length) {
        grow();
      }
      recordIds[size] = recordId;
      versions[size] = version;
      sizes[size] = sizeBytes;
      if (!Hashes.putLowerHex(sha256, sha256s, 32 * size)) {
        oddSha256s.put(size, sha256);
      }
      scores[size] = score;
      titles[size] = title;
      wordIndexes[3 * size] = word(tier);
      wordIndexes[3 * size + 1] = word(reason);
      wordIndexes[3 * size + 2] = word(type);
      size++;
      return this;
    }

    private int word(String w) {
      Integer known = words.putIfAbsent(w, words.size());
      return known == null ? words.size() - 1 : known;
    }

    private void grow() {
      int capacity = recordIds.length * 2;
      recordIds = Arrays.copyOf(recordIds, capacity);
      versions = Arrays.copyOf(versions, capacity);
      sizes = Arrays.copyOf(sizes, capacity);
      sha256s = Arrays.copyOf(sha256s, 32 * capacity);
      scores = Arrays.copyOf(scores, capacity);
      titles = Arrays.copyOf(titles, capacity);
      wordIndexes = Arrays.copyOf(wordIndexes, 3 * capacity);
    }

    /** The entries added so far. */
    public EntryList build() {
      return new EntryList(this);
    }
  }
}

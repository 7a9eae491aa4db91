package dev.primer.agent.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns text into keyed-hash tokens for the full-text index, so the index ranks matches without
 * holding a readable word. A word becomes the first 64 bits of HMAC-SHA256(token key, word),
 * written as {@code t} and 13 base-32 characters. Without the key the index shows only how often
 * opaque tokens occur.
 *
 * <p>A record's content has some 1,400 words, so the scan is the hot part of indexing: words are
 * found, told apart and looked up by a 64-bit hash of their characters, without making a string of
 * each, in a cache of primitive longs. Two different words with the same 64-bit hash would share a
 * token (one's search would also find the other's records); among a million distinct words the odds
 * are about one in 30 million.
 *
 * <p>Not thread-safe (the cache): one instance per thread, see {@link #copy()}.
 */
public final class SearchTokens {
  private static final int MIN_LENGTH = 1;
  private static final int MAX_LENGTH = 40;
  private static final int CACHE_LIMIT = 500_000;
  private static final char[] BASE32 = "0123456789abcdefghijklmnopqrstuv".toCharArray();

  private final byte[] key;
  private final Mac mac;
  private final TokenCache cache = new TokenCache(CACHE_LIMIT);

  public SearchTokens(byte[] key) {
    this.key = key.clone();
    this.mac = newMac();
  }

  /** A tokeniser with the same key and a cache of its own, for another thread. */
  public SearchTokens copy() {
    return new SearchTokens(key);
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The words of {@code text}: runs of letters and digits, lower-cased, 1 to 40 characters. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    new Scan(text).forEach((scan, start, end, hash) -> words.add(scan.word(start, end)));
    return words;
  }

  /** The hashed tokens of {@code text}, space separated, every occurrence kept (for ranking). */
  public String document(String text) {
    StringBuilder out = new StringBuilder();
    new Scan(text)
        .forEach((scan, start, end, hash) -> append(out, tokenBits(scan, start, end, hash)));
    return out.toString();
  }

  /**
   * The hashed tokens of {@code text}, each distinct word once. For long content: the index then
   * grows with the vocabulary of a record, not its length (BM25 still weighs rare words up).
   */
  public String distinctDocument(String text) {
    StringBuilder out = new StringBuilder(text.length() / 2);
    LongSet seen = new LongSet(text.length() / 8);
    new Scan(text)
        .forEach(
            (scan, start, end, hash) -> {
              if (seen.add(hash)) {
                append(out, tokenBits(scan, start, end, hash));
              }
            });
    return out.toString();
  }

  private static void append(StringBuilder out, long bits) {
    if (out.length() > 0) {
      out.append(' ');
    }
    // A letter first keeps FTS5 from reading the token as a number or keyword.
    out.append('t');
    for (int shift = 60; shift >= 0; shift -= 5) {
      out.append(BASE32[(int) (bits >>> shift) & 31]);
    }
  }

  /** An FTS5 query matching documents that hold every word of {@code text}; empty if none. */
  public String query(String text) {
    Set<String> tokens = new LinkedHashSet<>();
    new Scan(text)
        .forEach((scan, start, end, hash) -> tokens.add(text(tokenBits(scan, start, end, hash))));
    return String.join(" AND ", tokens);
  }

  /** The token of one lower-case word. */
  public String token(String word) {
    Scan scan = new Scan(word);
    return text(tokenBits(scan, 0, word.length(), Scan.hash(scan.text, 0, word.length())));
  }

  private static String text(long bits) {
    StringBuilder out = new StringBuilder(14);
    append(out, bits);
    return out.toString();
  }

  private long tokenBits(Scan scan, int start, int end, long hash) {
    int slot = cache.find(hash);
    if (slot >= 0) {
      return cache.value(slot);
    }
    byte[] digest = mac.doFinal(scan.word(start, end).getBytes(StandardCharsets.UTF_8));
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xff);
    }
    cache.put(hash, bits);
    return bits;
  }

  /** What a scan hands over for each word: its place in the scanned text, and its hash. */
  private interface WordSink {
    void word(Scan scan, int start, int end, long hash);
  }

  /**
   * One pass over a text. ASCII text is lower-cased character by character as it is read; other
   * text is lower-cased as a whole first (lower-casing can change its length).
   */
  private static final class Scan {
    private static final boolean[] ASCII_WORD_CHAR = new boolean[128];

    static {
      for (char c = '0'; c <= '9'; c++) {
        ASCII_WORD_CHAR[c] = true;
      }
      for (char c = 'a'; c <= 'z'; c++) {
        ASCII_WORD_CHAR[c] = true;
        ASCII_WORD_CHAR[Character.toUpperCase(c)] = true;
      }
    }

    private final String text;
    private final boolean ascii;

    Scan(String text) {
      boolean onlyAscii = true;
      for (int i = 0; i < text.length() && onlyAscii; i++) {
        onlyAscii = text.charAt(i) < 128;
      }
      this.ascii = onlyAscii;
      this.text = onlyAscii ? text : text.toLowerCase(Locale.ROOT);
    }

    /** The lower-case word at {@code start}..{@code end}. */
    String word(int start, int end) {
      String word = text.substring(start, end);
      return ascii ? word.toLowerCase(Locale.ROOT) : word;
    }

    void forEach(WordSink sink) {
      int start = -1;
      long hash = 0;
      int length = text.length();
      for (int i = 0; i <= length; i++) {
        char c = i < length ? text.charAt(i) : ' ';
        boolean wordChar;
        if (c < 128) {
          wordChar = ASCII_WORD_CHAR[c];
          if (c >= 'A' && c <= 'Z') {
            c = (char) (c + 'a' - 'A');
          }
        } else {
          wordChar = Character.isLetterOrDigit(c);
        }
        if (wordChar) {
          if (start < 0) {
            start = i;
            hash = FNV_OFFSET;
          }
          hash = (hash ^ c) * FNV_PRIME;
        } else if (start >= 0) {
          int wordLength = i - start;
          if (wordLength >= MIN_LENGTH && wordLength <= MAX_LENGTH) {
            sink.word(this, start, i, mix(hash));
          }
          start = -1;
        }
      }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * FNV-1a over the lower-case characters, then a finaliser so that the low bits vary as much as
     * the high.
     */
    static long hash(String s, int start, int end) {
      long hash = FNV_OFFSET;
      for (int i = start; i < end; i++) {
        char c = s.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + 'a' - 'A');
        }
        hash = (hash ^ c) * FNV_PRIME;
      }
      return mix(hash);
    }

    private static long mix(long h) {
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      return h ^ (h >>> 33);
    }
  }

  /**
   * Word hash to token bits by open addressing over one array of (key, value) pairs, so a lookup
   * touches one cache line; key 0 is never stored. Stops growing at its limit (then misses compute
   * the HMAC).
   */
  private static final class TokenCache {
    private final int limit;
    private long[] pairs = new long[2 * 1024];
    private int size;

    TokenCache(int limit) {
      this.limit = limit;
    }

    /** The slot of {@code key}, or -1. */
    int find(long key) {
      if (key == 0) {
        return -1;
      }
      int mask = pairs.length / 2 - 1;
      for (int i = (int) key & mask; ; i = (i + 1) & mask) {
        long k = pairs[2 * i];
        if (k == key) {
          return i;
        }
        if (k == 0) {
          return -1;
        }
      }
    }

    long value(int slot) {
      return pairs[2 * slot + 1];
    }

    void put(long key, long value) {
      if (key == 0 || size >= limit) {
        return;
      }
      if ((size + 1) * 2 > pairs.length / 2) {
        grow();
      }
      insert(pairs, key, value);
      size++;
    }

    private void grow() {
      long[] old = pairs;
      pairs = new long[old.length * 2];
      for (int i = 0; i < old.length; i += 2) {
        if (old[i] != 0) {
          insert(pairs, old[i], old[i + 1]);
        }
      }
    }

    private static void insert(long[] pairs, long key, long value) {
      int mask = pairs.length / 2 - 1;
      int i = (int) key & mask;
      while (pairs[2 * i] != 0) {
        i = (i + 1) & mask;
      }
      pairs[2 * i] = key;
      pairs[2 * i + 1] = value;
    }
  }

  /** A set of longs by open addressing, for telling a record's words apart without boxing. */
  private static final class LongSet {
    private long[] slots;
    private boolean hasZero;
    private int size;

    LongSet(int expected) {
      slots = new long[Integer.highestOneBit(Math.max(16, expected) * 2) * 2];
    }

    /** Adds {@code v}; false when it was there already. */
    boolean add(long v) {
      if (v == 0) {
        boolean added = !hasZero;
        hasZero = true;
        return added;
      }
      int mask = slots.length - 1;
      int i = (int) v & mask;
      while (slots[i] != 0) {
        if (slots[i] == v) {
          return false;
        }
        i = (i + 1) & mask;
      }
      slots[i] = v;
      if (++size * 2 > slots.length) {
        grow();
      }
      return true;
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      int mask = slots.length - 1;
      for (long v : old) {
        if (v != 0) {
          int i = (int) v & mask;
          while (slots[i] != 0) {
            i = (i + 1) & mask;
          }
          slots[i] = v;
        }
      }
    }
  }
}

package dev.primer.agent.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns text into keyed-hash tokens for the full-text index, so the index ranks matches without
 * holding a readable word. A word becomes the first 64 bits of HMAC-SHA256(token key, word),
 * written in base 36. Without the key the index shows only how often opaque tokens occur.
 *
 * <p>A record's content has some 1,400 words, so the scan is the hot part of preparing records for
 * the store: words are found, told apart and looked up by a 64-bit hash of their characters,
 * without making a string of each. Two different words with the same 64-bit hash would share a
 * token (one's search would also find the other's records); among a million distinct words the odds
 * are about one in 30 million.
 */
public final class SearchTokens {
  private static final int MIN_LENGTH = 1;
  private static final int MAX_LENGTH = 40;
  private static final int CACHE_LIMIT = 500_000;

  private final byte[] key;
  // One spare MAC handed between threads: a ThreadLocal lookup cost more than the HMAC itself on
  // the index thread (its map probed long chains), and most words hit the cache anyway.
  private final AtomicReference<Mac> spareMac = new AtomicReference<>();
  private final ConcurrentHashMap<Long, String> cache = new ConcurrentHashMap<>();

  public SearchTokens(byte[] key) {
    this.key = key.clone();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The words of {@code text}: runs of letters and digits, lower-cased, 1 to 40 characters. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    new Scan(text).forEach((lower, start, end, hash) -> words.add(lower.substring(start, end)));
    return words;
  }

  /** The hashed tokens of {@code text}, space separated, every occurrence kept (for ranking). */
  public String document(String text) {
    StringBuilder out = new StringBuilder();
    new Scan(text)
        .forEach((lower, start, end, hash) -> append(out, token(lower, start, end, hash)));
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
            (lower, start, end, hash) -> {
              if (seen.add(hash)) {
                append(out, token(lower, start, end, hash));
              }
            });
    return out.toString();
  }

  private static void append(StringBuilder out, String token) {
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(token);
  }

  /** An FTS5 query matching documents that hold every word of {@code text}; empty if none. */
  public String query(String text) {
    Set<String> tokens = new LinkedHashSet<>();
    new Scan(text).forEach((lower, start, end, hash) -> tokens.add(token(lower, start, end, hash)));
    return String.join(" AND ", tokens);
  }

  /** The token of one lower-case word. */
  public String token(String word) {
    return token(word, 0, word.length(), Scan.hash(word, 0, word.length()));
  }

  private String token(String lower, int start, int end, long hash) {
    String cached = cache.get(hash);
    if (cached != null) {
      return cached;
    }
    Mac mac = spareMac.getAndSet(null);
    if (mac == null) {
      mac = newMac();
    }
    byte[] digest = mac.doFinal(lower.substring(start, end).getBytes(StandardCharsets.UTF_8));
    spareMac.set(mac);
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xff);
    }
    // A letter first keeps FTS5 from reading the token as a number or keyword.
    String token = "t" + Long.toUnsignedString(bits, 36);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(hash, token);
    }
    return token;
  }

  /** What a scan hands over for each word: its place in the lower-cased text, and its hash. */
  private interface WordSink {
    void word(String lower, int start, int end, long hash);
  }

  /**
   * One pass over a text lower-cased as a whole (word by word, lower-casing took most of the time).
   */
  private record Scan(String lower) {
    Scan {
      lower = lower.toLowerCase(Locale.ROOT);
    }

    void forEach(WordSink sink) {
      int start = -1;
      long hash = 0;
      for (int i = 0; i <= lower.length(); i++) {
        char c = i < lower.length() ? lower.charAt(i) : ' ';
        if (Character.isLetterOrDigit(c)) {
          if (start < 0) {
            start = i;
            hash = FNV_OFFSET;
          }
          hash = (hash ^ c) * FNV_PRIME;
        } else if (start >= 0) {
          int length = i - start;
          if (length >= MIN_LENGTH && length <= MAX_LENGTH) {
            sink.word(lower, start, i, mix(hash));
          }
          start = -1;
        }
      }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * FNV-1a over the characters, then a finaliser so that the low bits vary as much as the high.
     */
    static long hash(String s, int start, int end) {
      long hash = FNV_OFFSET;
      for (int i = start; i < end; i++) {
        hash = (hash ^ s.charAt(i)) * FNV_PRIME;
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

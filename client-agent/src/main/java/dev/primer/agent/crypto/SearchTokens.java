package dev.primer.agent.crypto;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns text into keyed-hash tokens for the full-text index, so the index ranks matches without
 * holding a readable word. A word becomes the first 64 bits of HMAC-SHA256(token key, word),
 * written in base 36. Without the key the index shows only how often opaque tokens occur.
 */
public final class SearchTokens {
  private static final int MIN_LENGTH = 1;
  private static final int MAX_LENGTH = 40;
  private static final int CACHE_LIMIT = 500_000;

  private final byte[] key;
  private final ThreadLocal<Mac> macs;
  private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

  public SearchTokens(byte[] key) {
    this.key = key.clone();
    this.macs = ThreadLocal.withInitial(this::newMac);
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
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        int length = i - start;
        if (length >= MIN_LENGTH && length <= MAX_LENGTH) {
          words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        }
        start = -1;
      }
    }
    return words;
  }

  /** The hashed tokens of {@code text}, space separated, every occurrence kept (for ranking). */
  public String document(String text) {
    return join(words(text));
  }

  /**
   * The hashed tokens of {@code text}, each distinct word once. For long content: the index then
   * grows with the vocabulary of a record, not its length (BM25 still weighs rare words up).
   */
  public String distinctDocument(String text) {
    StringBuilder out = new StringBuilder();
    Set<String> seen = new java.util.HashSet<>();
    for (String word : words(text)) {
      if (seen.add(word)) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(token(word));
      }
    }
    return out.toString();
  }

  private String join(List<String> words) {
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(token(word));
    }
    return out.toString();
  }

  /** An FTS5 query matching documents that hold every word of {@code text}; empty if none. */
  public String query(String text) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String word : words(text)) {
      tokens.add(token(word));
    }
    return String.join(" AND ", tokens);
  }

  /** The token of one lower-case word. */
  public String token(String word) {
    String cached = cache.get(word);
    if (cached != null) {
      return cached;
    }
    byte[] digest = macs.get().doFinal(word.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xff);
    }
    // A letter first keeps FTS5 from reading the token as a number or keyword.
    String token = "t" + Long.toUnsignedString(bits, 36);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(word, token);
    }
    return token;
  }
}

package dev.primer.core.appointments.link;

import dev.primer.core.dataset.Account;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Account names as word sequences in a hash map, so that finding every name in a summary costs one
 * lookup per span of summary words (up to the longest name), however many accounts share a first
 * word such as "The" or "City".
 */
final class NameIndex {
  /**
   * Words that say what kind of company it is, not which one: "ACME Pumps Inc." is "acme pumps".
   */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "llc",
          "ltd",
          "limited",
          "gmbh",
          "co",
          "corp",
          "corporation",
          "company",
          "plc",
          "ag",
          "sa",
          "bv",
          "nv",
          "srl",
          "spa",
          "kg",
          "oy",
          "ab",
          "pty",
          "lp",
          "llp");

  /** Accounts that share one name, and the name as the first of them writes it. */
  record Name(List<String> words, List<Account> accounts, String display) {}

  private final Map<List<String>, Name> byWords = new HashMap<>();
  private final int longestName;

  NameIndex(List<Account> accounts) {
    Map<List<String>, List<Account>> grouped = new LinkedHashMap<>();
    for (Account account : accounts) {
      List<String> words = significantWords(account.name());
      if (String.join("", words).length() >= 3) {
        grouped.computeIfAbsent(words, k -> new ArrayList<>()).add(account);
      }
    }
    grouped.forEach(
        (words, sharing) ->
            byWords.put(words, new Name(words, List.copyOf(sharing), sharing.get(0).name())));
    this.longestName = grouped.keySet().stream().mapToInt(List::size).max().orElse(0);
  }

  /**
   * The names that appear in {@code text} as whole words; a name inside a longer one that also
   * appears ("ACME" within "ACME Pumps") does not count.
   */
  @SuppressWarnings("ReferenceEquality") // a hit is compared with the others, not with itself
  List<Name> find(String text) {
    List<String> words = words(text);
    record Hit(Name name, int start, int end) {}
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      for (int end = i + 1; end <= Math.min(words.size(), i + longestName); end++) {
        Name name = byWords.get(words.subList(i, end));
        if (name != null) {
          hits.add(new Hit(name, i, end));
        }
      }
    }
    return hits.stream()
        .filter(
            h ->
                hits.stream()
                    .noneMatch(
                        o ->
                            o != h
                                && o.start() <= h.start()
                                && o.end() >= h.end()
                                && o.end() - o.start() > h.end() - h.start()))
        .map(Hit::name)
        .distinct()
        .toList();
  }

  private static List<String> significantWords(String name) {
    List<String> words = new ArrayList<>(words(name));
    while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    if (words.size() > 1 && words.get(0).equals("the")) {
      words.remove(0);
    }
    return List.copyOf(words);
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }
}

package dev.primer.agent.quotes;

import dev.primer.cpq.catalogue.PriceBook;
import dev.primer.protocol.quotes.QuoteItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The products and options of {@code agent quote} from its arguments: {@code --add SKU[:QTY]} and
 * {@code --option [SKU.]NAME=VALUE}. An option without a SKU goes to every added product that has
 * it in the price book, or, when none has it, to all of them, so the engine names the mistake.
 */
public final class QuoteItems {
  private static final Pattern ADD =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]{0,63})(?::(\\d{1,6}))?");
  private static final Pattern OPTION =
      Pattern.compile("(?:([A-Za-z0-9][A-Za-z0-9_-]{0,63})\\.)?([a-z][a-z0-9-]{0,63})=(.{1,128})");

  private record Added(String sku, long quantity, Map<String, String> options) {}

  private final List<Added> added;
  private final Map<String, String> general;

  private QuoteItems(List<Added> added, Map<String, String> general) {
    this.added = added;
    this.general = general;
  }

  /** The arguments checked, or an {@link IllegalArgumentException} naming the one at fault. */
  public static QuoteItems parse(List<String> adds, List<String> options) {
    List<Added> added = new ArrayList<>();
    for (String add : adds) {
      Matcher m = ADD.matcher(add);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "--add " + add + ": expected SKU or SKU:QUANTITY, e.g. PMP-CX80:2");
      }
      added.add(
          new Added(
              m.group(1),
              m.group(2) == null ? 1L : Long.parseLong(m.group(2)),
              new LinkedHashMap<>()));
    }
    Map<String, String> general = new LinkedHashMap<>();
    for (String option : options) {
      Matcher m = OPTION.matcher(option);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "--option " + option + ": expected NAME=VALUE or SKU.NAME=VALUE, e.g. motor=30kW");
      }
      String sku = m.group(1);
      if (sku == null) {
        general.put(m.group(2), m.group(3));
        continue;
      }
      List<Added> same = added.stream().filter(a -> a.sku().equals(sku)).toList();
      if (same.isEmpty()) {
        throw new IllegalArgumentException(
            "--option " + option + ": " + sku + " is not added to the quote (--add " + sku + ")");
      }
      same.forEach(a -> a.options().put(m.group(2), m.group(3)));
    }
    return new QuoteItems(added, general);
  }

  /** The quote's items, general options placed by what the price book's products offer. */
  public List<QuoteItem> items(PriceBook book) {
    List<Map<String, String>> chosen = new ArrayList<>();
    for (int i = 0; i < added.size(); i++) {
      chosen.add(new LinkedHashMap<>());
    }
    general.forEach(
        (name, value) -> {
          List<Integer> having = new ArrayList<>();
          for (int i = 0; i < added.size(); i++) {
            if (book.product(added.get(i).sku()).flatMap(p -> p.option(name)).isPresent()) {
              having.add(i);
            }
          }
          if (having.isEmpty()) {
            for (int i = 0; i < added.size(); i++) {
              having.add(i);
            }
          }
          having.forEach(i -> chosen.get(i).put(name, value));
        });
    List<QuoteItem> items = new ArrayList<>();
    for (int i = 0; i < added.size(); i++) {
      // The product's own --option wins over a general one.
      chosen.get(i).putAll(added.get(i).options());
      items.add(new QuoteItem(added.get(i).sku(), added.get(i).quantity(), chosen.get(i)));
    }
    return items;
  }
}

package dev.primer.testdata.content;

import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.CrmRecord;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The structured fields a back office keeps for a record, the ones a rep can edit offline (ADR
 * 0009): a contact's phone, a part's stock count. Generated from the record and its account alone,
 * like {@link RecordContent}, so a data set needs no field files. Price lists, quote templates and
 * schematics have none: reps do not edit them.
 */
public final class RecordFields {
  private static final String[] STATUS = {"open", "scheduled", "done"};
  // sorted: a set-union field holds its members in order (ADR 0009)
  private static final String[] TAGS = {"hvac", "key-account", "night-access", "pumps", "union"};

  private RecordFields() {}

  /** The record's fields in a stable order; empty for a type reps do not edit. */
  public static Map<String, String> of(CrmRecord record, Account account) {
    SplittableRandom random = new SplittableRandom(RecordContent.seed(record) ^ 0x5f1e1d5L);
    Map<String, String> fields = new LinkedHashMap<>();
    switch (record.type()) {
      case CONTACT -> {
        String title = record.title();
        int comma = title.indexOf(',');
        String name = comma > 0 ? title.substring(0, comma).trim() : title.trim();
        fields.put("name", name);
        fields.put("role", comma > 0 ? title.substring(comma + 1).trim() : "");
        fields.put("phone", String.format(Locale.ROOT, "+1 312 555 %04d", random.nextInt(10_000)));
        fields.put(
            "email",
            name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "")
                + "@"
                + account.domain());
        fields.put("notes", "");
      }
      case ACCOUNT_PROFILE -> {
        fields.put("address", account.address());
        fields.put("access-notes", "");
        fields.put("tags", tags(random));
      }
      case SERVICE_HISTORY -> {
        fields.put("status", STATUS[random.nextInt(STATUS.length)]);
        fields.put("notes", "");
        fields.put("hours", Integer.toString(1 + random.nextInt(8)));
      }
      case PARTS_INVENTORY -> {
        fields.put("quantity", Integer.toString(5 + random.nextInt(200)));
        fields.put(
            "bin",
            String.format(
                Locale.ROOT, "%c-%02d", (char) ('A' + random.nextInt(6)), 1 + random.nextInt(40)));
      }
      case SCHEMATIC, PRICE_LIST, QUOTE_TEMPLATE, QUOTE, PRICE_BOOK, PRODUCT_RULES -> {
        // written only by the back office: no fields to edit
      }
    }
    return fields;
  }

  private static String tags(SplittableRandom random) {
    StringBuilder out = new StringBuilder();
    for (String tag : TAGS) {
      if (random.nextInt(3) == 0) {
        out.append(out.length() == 0 ? "" : ",").append(tag);
      }
    }
    return out.toString();
  }
}

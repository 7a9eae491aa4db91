package dev.primer.core.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of CRM record a rep may need offline. */
public enum RecordType {
  ACCOUNT_PROFILE("account-profile"),
  CONTACT("contact"),
  SERVICE_HISTORY("service-history"),
  SCHEMATIC("schematic"),
  PARTS_INVENTORY("parts-inventory"),
  PRICE_LIST("price-list"),
  QUOTE_TEMPLATE("quote-template"),
  /** A quote made on a device and accepted by the service (an account's record). */
  QUOTE("quote"),
  /** The organisation's products, options and list prices: belongs to no account. */
  PRICE_BOOK("price-book"),
  /** The configuration rules of a price book's products: belongs to no account. */
  PRODUCT_RULES("product-rules");

  private final String wireName;

  RecordType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Whether records of this type belong to the organisation rather than to one account: every user
   * may read them, and a device gets them with the price lists that name them.
   */
  public boolean organisationWide() {
    return this == PRICE_BOOK || this == PRODUCT_RULES;
  }

  /** The wire names of the organisation-wide types, as stored and sent. */
  public static java.util.List<String> organisationWideNames() {
    return java.util.Arrays.stream(values())
        .filter(RecordType::organisationWide)
        .map(RecordType::wireName)
        .toList();
  }

  /** The name used in data set files and APIs. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name, naming the accepted values when it is unknown. */
  @JsonCreator
  public static RecordType fromWireName(String name) {
    return WireNames.parse(RecordType.class, values(), RecordType::wireName, name);
  }
}

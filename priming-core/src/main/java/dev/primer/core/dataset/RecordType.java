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
  QUOTE_TEMPLATE("quote-template");

  private final String wireName;

  RecordType(String wireName) {
    this.wireName = wireName;
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

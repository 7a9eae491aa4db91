package dev.primer.core.dataset;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a field rep mainly does, which shapes the records they open. */
public enum UserRole {
  SALES("sales"),
  SERVICE("service");

  private final String wireName;

  UserRole(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in data set files and APIs. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name, naming the accepted values when it is unknown. */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static UserRole fromWireName(String name) {
    return WireNames.parse(UserRole.class, values(), UserRole::wireName, name);
  }
}

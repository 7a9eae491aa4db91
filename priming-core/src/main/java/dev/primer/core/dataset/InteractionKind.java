package dev.primer.core.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a rep touched a record. */
public enum InteractionKind {
  VIEW("view"),
  EDIT("edit"),
  /** The rep looked for the record and the device did not have it. */
  SEARCH_MISS("search-miss");

  private final String wireName;

  InteractionKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in data set files and APIs. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name, naming the accepted values when it is unknown. */
  @JsonCreator
  public static InteractionKind fromWireName(String name) {
    return WireNames.parse(InteractionKind.class, values(), InteractionKind::wireName, name);
  }
}

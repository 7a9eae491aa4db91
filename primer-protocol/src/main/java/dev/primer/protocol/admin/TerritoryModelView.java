package dev.primer.protocol.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A territory model as {@code /v1/territory-models} lists it.
 *
 * @param id the model's id
 * @param state {@code draft} (being edited), {@code active} (activated last) or {@code archived}
 *     (the live territories as they were before an activation; can be restored)
 * @param note what the admin wrote about it
 * @param createdBy who created it
 * @param createdAt when (ISO instant)
 * @param activatedAt when it was last activated (ISO instant); empty if never
 * @param territories how many territories it holds
 * @param assignments how many user-territory assignments it holds
 */
public record TerritoryModelView(
    String id,
    String state,
    String note,
    String createdBy,
    String createdAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String activatedAt,
    int territories,
    int assignments) {
  /** A model being edited. */
  public static final String DRAFT = "draft";

  /** The model activated last. */
  public static final String ACTIVE = "active";

  /** Live territories kept from before an activation. */
  public static final String ARCHIVED = "archived";

  /** Absent values become empty ones. */
  public TerritoryModelView {
    id = Objects.requireNonNullElse(id, "");
    state = Objects.requireNonNullElse(state, "");
    note = Objects.requireNonNullElse(note, "");
    createdBy = Objects.requireNonNullElse(createdBy, "");
    createdAt = Objects.requireNonNullElse(createdAt, "");
    activatedAt = Objects.requireNonNullElse(activatedAt, "");
  }
}

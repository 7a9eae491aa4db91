package dev.primer.territory;

import java.util.Objects;

/** A position with the id of what stands there, such as an account. */
public record NamedPoint(String id, GeoPoint position) {
  public NamedPoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(position, "position");
  }
}

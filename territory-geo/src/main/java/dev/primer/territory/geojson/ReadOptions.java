package dev.primer.territory.geojson;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a territory's id and name come from when a file does not use {@code properties.id} and
 * {@code properties.name} (for example Census files keyed by {@code ZCTA5CE10}). The named
 * properties stay among the other properties; written back, a territory always carries its id and
 * name as {@code properties.id} and {@code properties.name}.
 *
 * @param idProperty the property holding the id; when empty, {@code properties.id} and then the
 *     feature's own {@code id} member are used
 * @param nameProperty the property holding the name; when empty, {@code properties.name}
 */
public record ReadOptions(Optional<String> idProperty, Optional<String> nameProperty) {
  public ReadOptions {
    Objects.requireNonNull(idProperty, "idProperty");
    Objects.requireNonNull(nameProperty, "nameProperty");
  }

  /** Ids from {@code properties.id} or the feature id, names from {@code properties.name}. */
  public static ReadOptions defaults() {
    return new ReadOptions(Optional.empty(), Optional.empty());
  }

  /** These options with ids taken from the named property. */
  public ReadOptions withIdProperty(String property) {
    return new ReadOptions(Optional.of(property), nameProperty);
  }

  /** These options with names taken from the named property. */
  public ReadOptions withNameProperty(String property) {
    return new ReadOptions(idProperty, Optional.of(property));
  }
}

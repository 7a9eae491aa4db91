package dev.primer.core.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.core.features.FeatureSchema;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A trained model with what it needs to be trusted: the feature schema it was trained on, its
 * provenance (data, days, algorithm, parameters, seed, Tribuo version) and a training summary.
 *
 * @param id the first 12 hex digits of the bundle file's SHA-256
 */
public record ModelBundle(
    String id, Model<Label> model, FeatureSchema schema, JsonNode provenance, JsonNode summary) {
  public ModelBundle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(summary, "summary");
  }

  /** The fastest scorer that gives the same scores as Tribuo's predict. */
  public Scorer scorer() {
    return LinearScorer.of(model, schema).orElseGet(() -> new TribuoScorer(model, schema));
  }

  /** The reference scorer: Tribuo's own predict. */
  public Scorer referenceScorer() {
    return new TribuoScorer(model, schema);
  }
}

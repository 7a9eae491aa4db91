package dev.primer.service.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.scoring.BundleException;
import dev.primer.core.scoring.BundleLimitException;
import dev.primer.core.scoring.BundleLimits;
import dev.primer.core.scoring.ModelBundle;
import dev.primer.core.scoring.ModelBundles;
import dev.primer.protocol.model.ModelEvaluation;
import dev.primer.protocol.problem.ProblemError;
import dev.primer.service.config.PrimerConfig;
import dev.primer.service.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores, lists, activates and rolls back models: the registry's rows through Panache ({@link
 * StoredModel}, {@link ModelActivation}), a bundle's bytes by JDBC. A bundle is checked (readable,
 * made for this service's feature schema) before it is stored, and loaded before it is activated,
 * so a bad bundle never replaces the active one. The first upload becomes active only when no model
 * is active; later ones wait for an explicit activation.
 */
@ApplicationScoped
public class ModelService {
  private final AgroalDataSource db;
  private final ObjectMapper json;
  private final ModelRegistry registry;

  private final PrimerConfig config;

  ModelService(
      AgroalDataSource db, ObjectMapper json, ModelRegistry registry, PrimerConfig config) {
    this.db = db;
    this.json = json;
    this.registry = registry;
    this.config = config;
  }

  /** What reading one bundle may cost (primer.limits.model-uncompressed, -entries). */
  static BundleLimits limits(PrimerConfig config) {
    return new BundleLimits(
        config.limits().modelUncompressed().asLongValue(), config.limits().modelEntries());
  }

  /** Every model, newest first. */
  public List<ModelEntry> list() {
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                StoredModel.find("order by uploadedAt desc, id")
                    .project(StoredModel.Columns.class)
                    .list()
                    .stream()
                    .map(this::entry)
                    .toList());
  }

  /** One model. */
  public Optional<ModelEntry> find(String id) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                StoredModel.find("id", id)
                    .project(StoredModel.Columns.class)
                    .firstResultOptional()
                    .map(this::entry));
  }

  /** What an upload did: the entry, and whether it was new. */
  public record Upload(ModelEntry entry, boolean created) {}

  /** Checks and stores a bundle; uploading the same bundle again changes nothing. */
  public Upload upload(byte[] bundle) {
    ModelBundle read = load(bundle);
    Optional<ModelEntry> known = find(read.id());
    if (known.isPresent()) {
      return new Upload(known.get(), false);
    }
    boolean activated =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // The bundle's bytes go in by JDBC, in one insert that tolerates the same
                  // bundle uploaded twice at once (a second persist would fail on the key).
                  try (Connection c = db.getConnection()) {
                    try (PreparedStatement i =
                        c.prepareStatement(
                            "INSERT INTO models (id, uploaded_at, bundle, feature_schema, provenance, summary, active)"
                                + " VALUES (?, now(), ?, ?, ?::jsonb, ?::jsonb, false)"
                                + " ON CONFLICT (id) DO NOTHING")) {
                      i.setString(1, read.id());
                      i.setBytes(2, bundle);
                      i.setString(3, read.schema().version() + " (" + read.schema().hash() + ")");
                      i.setString(4, json.writeValueAsString(read.provenance()));
                      i.setString(5, json.writeValueAsString(read.summary()));
                      i.executeUpdate();
                    }
                  }
                  if (activeId().isEmpty()) {
                    makeActive(read.id());
                    return true;
                  }
                  return false;
                });
    if (activated) {
      registry.swap(new ActiveModel(read.id(), read));
    }
    return new Upload(find(read.id()).orElseThrow(), true);
  }

  /** Makes model {@code id} the active one. */
  public ModelEntry activate(String id) {
    byte[] bundle = bundle(id).orElseThrow(() -> ProblemException.notFound("model", id));
    ModelBundle read = load(bundle);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (!activeId().equals(Optional.of(id))) {
                makeActive(id);
              }
            });
    registry.swap(new ActiveModel(id, read));
    return find(id).orElseThrow();
  }

  /** Returns to the model that was active before the current one. */
  public ModelEntry rollback() {
    String previous =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Optional<String> current = activeId();
                  if (current.isEmpty()) {
                    throw noPrevious("no model is active");
                  }
                  List<Long> seqs = new ArrayList<>();
                  String before = null;
                  for (ModelActivation a :
                      ModelActivation.<ModelActivation>list("order by seq desc")) {
                    if (!a.modelId.equals(current.get())) {
                      before = a.modelId;
                      break;
                    }
                    seqs.add(a.seq);
                  }
                  if (before == null) {
                    throw noPrevious("model " + current.get() + " is the first one activated");
                  }
                  // Pop the current model's activations: the next rollback goes further back.
                  ModelActivation.delete("seq in ?1", seqs);
                  setActive(before);
                  return before;
                });
    registry.reload();
    return find(previous).orElseThrow();
  }

  private static ProblemException noPrevious(String why) {
    return new ProblemException(
        409, "no-previous-model", "No previous model", "cannot roll back: " + why);
  }

  private ModelBundle load(byte[] bundle) {
    try {
      return ModelBundles.read(bundle, FeatureExtractor.SCHEMA, limits(config));
    } catch (BundleLimitException e) {
      String detail =
          e.getMessage()
              + " (settings primer.limits.model-uncompressed and primer.limits.model-entries)";
      throw new ProblemException(
          422,
          "model-over-limit",
          "Model bundle over a limit",
          detail,
          List.of(ProblemError.field("bundle", detail)));
    } catch (BundleException e) {
      throw new ProblemException(
          422,
          "invalid-model",
          "Invalid model bundle",
          e.getMessage(),
          List.of(ProblemError.field("bundle", e.getMessage())));
    }
  }

  private Optional<byte[]> bundle(String id) {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT bundle FROM models WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read model " + id, e);
    }
  }

  private static Optional<String> activeId() {
    return StoredModel.getEntityManager()
        .createQuery("select m.id from StoredModel m where m.active", String.class)
        .getResultStream()
        .findFirst();
  }

  private static void makeActive(String id) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    setActive(id, now);
    ModelActivation a = new ModelActivation();
    a.modelId = id;
    a.at = now;
    a.persist();
  }

  private static void setActive(String id) {
    setActive(id, Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  private static void setActive(String id, Instant now) {
    // Off first: the partial unique index allows one active row at any moment. Bulk updates run
    // at once and in this order, whatever the session would flush.
    StoredModel.update("active = false where active = true");
    StoredModel.update("active = true, activatedAt = ?1 where id = ?2", now, id);
  }

  private ModelEntry entry(StoredModel.Columns m) {
    return new ModelEntry(
        m.id(),
        m.uploadedAt(),
        m.featureSchema(),
        tree(m.provenance()),
        tree(m.summary()),
        Optional.ofNullable(m.evaluation()).map(this::evaluation),
        m.active(),
        Optional.ofNullable(m.activatedAt()));
  }

  /**
   * Attaches an evaluation report to a model, replacing any earlier one; a report that breaks
   * {@link EvaluationCheck} is a 400 naming each field, an unknown model a 404.
   */
  public ModelEntry attachEvaluation(String id, ModelEvaluation evaluation) {
    String text;
    try {
      text = json.writeValueAsString(EvaluationCheck.require(evaluation));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE models SET evaluation = ?::jsonb WHERE id = ?")) {
      s.setString(1, text);
      s.setString(2, id);
      if (s.executeUpdate() == 0) {
        throw ProblemException.notFound("model", id);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the evaluation of model " + id, e);
    }
    return find(id).orElseThrow(() -> ProblemException.notFound("model", id));
  }

  private ModelEvaluation evaluation(String text) {
    try {
      return json.readValue(text, ModelEvaluation.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

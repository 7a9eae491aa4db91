package dev.primer.service.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.scoring.BundleException;
import dev.primer.core.scoring.BundleLimitException;
import dev.primer.core.scoring.BundleLimits;
import dev.primer.core.scoring.ModelBundle;
import dev.primer.core.scoring.ModelBundles;
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
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores, lists, activates and rolls back models. A bundle is checked (readable, made for this
 * service's feature schema) before it is stored, and loaded before it is activated, so a bad bundle
 * never replaces the active one. The first upload becomes active only when no model is active;
 * later ones wait for an explicit activation.
 */
@ApplicationScoped
public class ModelService {
  private static final String COLUMNS =
      "id, uploaded_at, feature_schema, provenance, summary, active, activated_at";

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
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT " + COLUMNS + " FROM models ORDER BY uploaded_at DESC, id");
        ResultSet rs = q.executeQuery()) {
      List<ModelEntry> entries = new ArrayList<>();
      while (rs.next()) {
        entries.add(entry(rs));
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list models", e);
    }
  }

  /** One model. */
  public Optional<ModelEntry> find(String id) {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT " + COLUMNS + " FROM models WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read model " + id, e);
    }
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
                    if (activeId(c).isEmpty()) {
                      makeActive(c, read.id());
                      return true;
                    }
                    return false;
                  }
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
              try (Connection c = db.getConnection()) {
                if (!activeId(c).equals(Optional.of(id))) {
                  makeActive(c, id);
                }
              } catch (SQLException e) {
                throw new IllegalStateException("cannot activate model " + id, e);
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
                  try (Connection c = db.getConnection()) {
                    Optional<String> current = activeId(c);
                    if (current.isEmpty()) {
                      throw noPrevious("no model is active");
                    }
                    List<Long> seqs = new ArrayList<>();
                    String before = null;
                    try (PreparedStatement q =
                        c.prepareStatement(
                            "SELECT seq, model_id FROM model_activations ORDER BY seq DESC")) {
                      try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                          if (!rs.getString(2).equals(current.get())) {
                            before = rs.getString(2);
                            break;
                          }
                          seqs.add(rs.getLong(1));
                        }
                      }
                    }
                    if (before == null) {
                      throw noPrevious("model " + current.get() + " is the first one activated");
                    }
                    // Pop the current model's activations: the next rollback goes further back.
                    try (PreparedStatement d =
                        c.prepareStatement("DELETE FROM model_activations WHERE seq = ANY(?)")) {
                      d.setArray(1, c.createArrayOf("int8", seqs.toArray(Long[]::new)));
                      d.executeUpdate();
                    }
                    setActive(c, before);
                    return before;
                  }
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

  private static Optional<String> activeId(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT id FROM models WHERE active");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  private static void makeActive(Connection c, String id) throws SQLException {
    setActive(c, id);
    try (PreparedStatement h =
        c.prepareStatement("INSERT INTO model_activations (model_id) VALUES (?)")) {
      h.setString(1, id);
      h.executeUpdate();
    }
  }

  private static void setActive(Connection c, String id) throws SQLException {
    // Off first: the partial unique index allows one active row at any moment.
    try (PreparedStatement off =
            c.prepareStatement("UPDATE models SET active = false WHERE active");
        PreparedStatement on =
            c.prepareStatement(
                "UPDATE models SET active = true, activated_at = now() WHERE id = ?")) {
      off.executeUpdate();
      on.setString(1, id);
      on.executeUpdate();
    }
  }

  private ModelEntry entry(ResultSet rs) throws SQLException {
    Timestamp activated = rs.getTimestamp("activated_at");
    return new ModelEntry(
        rs.getString("id"),
        rs.getTimestamp("uploaded_at").toInstant(),
        rs.getString("feature_schema"),
        tree(rs.getString("provenance")),
        tree(rs.getString("summary")),
        rs.getBoolean("active"),
        Optional.ofNullable(activated).map(Timestamp::toInstant));
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

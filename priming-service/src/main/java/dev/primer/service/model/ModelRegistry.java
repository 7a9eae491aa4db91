package dev.primer.service.model;

import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.scoring.BundleException;
import dev.primer.core.scoring.ModelBundles;
import dev.primer.service.config.PrimerConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The active model, loaded once per activation and swapped atomically: a request that has read
 * {@link #active()} keeps scoring with that model even while another one is being activated.
 */
@ApplicationScoped
public class ModelRegistry {
  private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

  private final AtomicReference<Optional<ActiveModel>> active =
      new AtomicReference<>(Optional.empty());
  private final AgroalDataSource db;
  private final PrimerConfig config;

  ModelRegistry(AgroalDataSource db, PrimerConfig config) {
    this.config = config;
    this.db = db;
  }

  /** The model to score with; empty when none is active (callers fall back to a baseline). */
  public Optional<ActiveModel> active() {
    return active.get();
  }

  /** Makes {@code model} the one {@link #active()} returns (after its row is committed). */
  void swap(ActiveModel model) {
    active.set(Optional.of(model));
  }

  /** Forgets the active model (after the database says none is active). */
  void clear() {
    active.set(Optional.empty());
  }

  void onStart(@Observes StartupEvent start) {
    reload();
  }

  /** Loads the model the database marks active. */
  void reload() {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT id, bundle FROM models WHERE active");
        ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        clear();
        return;
      }
      String id = rs.getString(1);
      try {
        swap(
            new ActiveModel(
                id,
                ModelBundles.read(
                    rs.getBytes(2), FeatureExtractor.SCHEMA, ModelService.limits(config))));
        LOG.infof("active model %s loaded", id);
      } catch (BundleException e) {
        // E.g. the feature schema changed in this release: serve with the fallback, say why.
        clear();
        LOG.warnf(
            "active model %s cannot be used, falling back to a baseline: %s", id, e.getMessage());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the active model", e);
    }
  }
}

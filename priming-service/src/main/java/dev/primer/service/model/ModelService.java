package dev.primer.service.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
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

/** Stores, lists and activates models. */
@ApplicationScoped
public class ModelService {
  private static final String COLUMNS =
      "id, uploaded_at, feature_schema, provenance, summary, active, activated_at";

  private final AgroalDataSource db;
  private final ObjectMapper json;

  ModelService(AgroalDataSource db, ObjectMapper json) {
    this.db = db;
    this.json = json;
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

package dev.primer.service.territorymodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.protocol.admin.TerritoryModelView;
import dev.primer.service.data.OrgDataChanges;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.StorableText;
import dev.primer.service.territory.TerritoryService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Territory models: a draft starts as a copy of the live territories and assignments, is edited and
 * previewed on its own, and on activation replaces the live tables in one transaction; the live
 * state it replaced is kept as an archived model, which can be activated again (restored).
 */
@ApplicationScoped
public class TerritoryModels {
  private static final String LIVE = "";

  private final AgroalDataSource db;
  private final TerritoryService territories;
  private final OrgDataChanges changes;
  private final ObjectMapper json;

  TerritoryModels(
      AgroalDataSource db,
      TerritoryService territories,
      OrgDataChanges changes,
      ObjectMapper json) {
    this.db = db;
    this.territories = territories;
    this.changes = changes;
    this.json = json;
  }

  /** A model's territories as Features by id, and its assignments, user by user. */
  public record Contents(Map<String, ObjectNode> features, Map<String, List<String>> assignments) {}

  /** Starts a draft as a copy of the live territories and assignments. */
  @Transactional
  public TerritoryModelView createDraft(String createdBy, String note) {
    String id = "tm-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = db.getConnection()) {
      insertModel(c, id, TerritoryModelView.DRAFT, note, createdBy);
      copyLive(c, id);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a draft territory model", e);
    }
    return view(id).orElseThrow();
  }

  /** Every model, newest first. */
  @Transactional
  public List<TerritoryModelView> list() {
    return views("ORDER BY m.created_at DESC, m.id", List.of());
  }

  /** One model's summary. */
  @Transactional
  public Optional<TerritoryModelView> view(String id) {
    if (StorableText.problem(id, StorableText.MAX_ID).isPresent()) {
      // No model has such an id (U+0000, over-long): PostgreSQL would refuse to compare it.
      return Optional.empty();
    }
    List<TerritoryModelView> one = views("WHERE m.id = ?", List.of(id));
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  /** The model's territories and assignments; 404 for an unknown model. */
  @Transactional
  public Contents contents(String id) {
    require(id);
    try (Connection c = db.getConnection()) {
      return read(c, id);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read territory model " + id, e);
    }
  }

  /** The model as one FeatureCollection whose features carry {@code assignedTo}. */
  public ObjectNode collection(String id) {
    Contents contents = contents(id);
    Map<String, List<String>> usersOf = new TreeMap<>();
    contents
        .assignments()
        .forEach(
            (user, ids) ->
                ids.forEach(t -> usersOf.computeIfAbsent(t, k -> new ArrayList<>()).add(user)));
    ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = collection.putArray("features");
    contents
        .features()
        .forEach(
            (tid, feature) -> {
              ObjectNode copy = feature.deepCopy();
              ArrayNode assigned = json.createArrayNode();
              usersOf.getOrDefault(tid, List.of()).forEach(assigned::add);
              ((ObjectNode) copy.path("properties")).set("assignedTo", assigned);
              features.add(copy);
            });
    return collection;
  }

  /** Stores a territory into a draft, checked as a live one is; true when it is new there. */
  @Transactional
  public boolean putTerritory(String modelId, String territoryId, String body) {
    requireDraft(modelId);
    TerritoryService.CheckedFeature checked = territories.check(territoryId, body);
    try (Connection c = db.getConnection();
        PreparedStatement u =
            c.prepareStatement(
                "INSERT INTO territory_model_territories (model_id, id, name, feature)"
                    + " VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (model_id, id) DO UPDATE SET"
                    + " name = excluded.name, feature = excluded.feature RETURNING (xmax = 0)")) {
      u.setString(1, modelId);
      u.setString(2, territoryId);
      u.setString(3, checked.territory().name());
      u.setString(4, checked.feature().toString());
      try (ResultSet rs = u.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store territory " + territoryId, e);
    }
  }

  /** Deletes a territory and its assignments from a draft; false when it had none. */
  @Transactional
  public boolean deleteTerritory(String modelId, String territoryId) {
    requireDraft(modelId);
    try (Connection c = db.getConnection();
        PreparedStatement t =
            c.prepareStatement(
                "DELETE FROM territory_model_territories WHERE model_id = ? AND id = ?");
        PreparedStatement a =
            c.prepareStatement(
                "DELETE FROM territory_model_assignments WHERE model_id = ? AND territory_id = ?")) {
      t.setString(1, modelId);
      t.setString(2, territoryId);
      a.setString(1, modelId);
      a.setString(2, territoryId);
      a.executeUpdate();
      return t.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete territory " + territoryId, e);
    }
  }

  /** Replaces a user's territories in a draft; each must be one of the draft's. */
  @Transactional
  public List<String> assign(String modelId, String userId, List<String> territoryIds) {
    requireDraft(modelId);
    List<String> ids = List.copyOf(new LinkedHashSet<>(territoryIds));
    try (Connection c = db.getConnection()) {
      if (!exists(c, "SELECT 1 FROM users WHERE id = ?", userId)) {
        throw ProblemException.notFound("user", userId);
      }
      Contents contents = read(c, modelId);
      List<String> unknown = ids.stream().filter(t -> !contents.features().containsKey(t)).toList();
      if (!unknown.isEmpty()) {
        throw TerritoryService.unknownTerritories(unknown, " in draft " + modelId);
      }
      try (PreparedStatement d =
              c.prepareStatement(
                  "DELETE FROM territory_model_assignments WHERE model_id = ? AND user_id = ?");
          PreparedStatement i =
              c.prepareStatement(
                  "INSERT INTO territory_model_assignments (model_id, user_id, territory_id)"
                      + " SELECT ?, ?, t FROM unnest(?::text[]) AS t")) {
        d.setString(1, modelId);
        d.setString(2, userId);
        d.executeUpdate();
        i.setString(1, modelId);
        i.setString(2, userId);
        i.setArray(3, c.createArrayOf("text", ids.toArray(String[]::new)));
        i.executeUpdate();
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot assign territories in " + modelId, e);
    }
  }

  /**
   * Makes a draft (or an archived model: a restore) live in one transaction: the live territories
   * and assignments it replaces become an archived model, the model's take their place, and the
   * next precompute selects with them. Answers the archived model of what was live before.
   */
  @Transactional
  public TerritoryModelView activate(String modelId, String by) {
    TerritoryModelView model = require(modelId);
    if (model.state().equals(TerritoryModelView.ACTIVE)) {
      throw new ProblemException(
          409, "already-active", "Already active", "territory model " + modelId + " is active");
    }
    String archiveId = "tm-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = db.getConnection()) {
      // The row lock orders two activations: the second sees the first's live tables.
      try (PreparedStatement lock =
          c.prepareStatement("SELECT id FROM territory_models WHERE id = ? FOR UPDATE")) {
        lock.setString(1, modelId);
        lock.executeQuery().close();
      }
      insertModel(c, archiveId, TerritoryModelView.ARCHIVED, "live before " + modelId, by);
      copyLive(c, archiveId);
      try (PreparedStatement s = c.prepareStatement("DELETE FROM user_territories")) {
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM territories")) {
        s.executeUpdate();
      }
      try (PreparedStatement t =
          c.prepareStatement(
              "INSERT INTO territories (id, name, feature, updated_at)"
                  + " SELECT id, name, feature, now() FROM territory_model_territories"
                  + " WHERE model_id = ?")) {
        t.setString(1, modelId);
        t.executeUpdate();
      }
      try (PreparedStatement a =
          c.prepareStatement(
              "INSERT INTO user_territories (user_id, territory_id)"
                  + " SELECT user_id, territory_id FROM territory_model_assignments"
                  + " WHERE model_id = ?")) {
        a.setString(1, modelId);
        a.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE territory_models SET state = 'archived' WHERE state = 'active'")) {
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE territory_models SET state = 'active', activated_at = now() WHERE id = ?")) {
        s.setString(1, modelId);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot activate territory model " + modelId, e);
    }
    changes.changed("territories");
    changes.changed("user-territories");
    return view(archiveId).orElseThrow();
  }

  /** Deletes a draft; false when there was none. Archived and active models stay. */
  @Transactional
  public boolean deleteDraft(String modelId) {
    requireDraft(modelId);
    try (Connection c = db.getConnection();
        PreparedStatement d = c.prepareStatement("DELETE FROM territory_models WHERE id = ?")) {
      d.setString(1, modelId);
      return d.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete territory model " + modelId, e);
    }
  }

  private TerritoryModelView require(String id) {
    return view(id).orElseThrow(() -> ProblemException.notFound("territory model", id));
  }

  private void requireDraft(String id) {
    TerritoryModelView model = require(id);
    if (!model.state().equals(TerritoryModelView.DRAFT)) {
      throw new ProblemException(
          409,
          "not-a-draft",
          "Not a draft",
          "territory model " + id + " is " + model.state() + ": only a draft can change");
    }
  }

  private static void insertModel(Connection c, String id, String state, String note, String by)
      throws SQLException {
    try (PreparedStatement i =
        c.prepareStatement(
            "INSERT INTO territory_models (id, state, note, created_by) VALUES (?, ?, ?, ?)")) {
      i.setString(1, id);
      i.setString(2, state);
      i.setString(3, note);
      i.setString(4, by);
      i.executeUpdate();
    }
  }

  private static void copyLive(Connection c, String id) throws SQLException {
    try (PreparedStatement t =
            c.prepareStatement(
                "INSERT INTO territory_model_territories (model_id, id, name, feature)"
                    + " SELECT ?, id, name, feature FROM territories");
        PreparedStatement a =
            c.prepareStatement(
                "INSERT INTO territory_model_assignments (model_id, user_id, territory_id)"
                    + " SELECT ?, user_id, territory_id FROM user_territories")) {
      t.setString(1, id);
      t.executeUpdate();
      a.setString(1, id);
      a.executeUpdate();
    }
  }

  private Contents read(Connection c, String id) throws SQLException {
    Map<String, ObjectNode> features = new TreeMap<>();
    Map<String, List<String>> assignments = new TreeMap<>();
    try (PreparedStatement t =
        c.prepareStatement(
            "SELECT id, feature::text FROM territory_model_territories WHERE model_id = ?"
                + " ORDER BY id")) {
      t.setString(1, id);
      try (ResultSet rs = t.executeQuery()) {
        while (rs.next()) {
          features.put(rs.getString(1), (ObjectNode) tree(rs.getString(2)));
        }
      }
    }
    try (PreparedStatement a =
        c.prepareStatement(
            "SELECT user_id, territory_id FROM territory_model_assignments WHERE model_id = ?"
                + " ORDER BY user_id, territory_id")) {
      a.setString(1, id);
      try (ResultSet rs = a.executeQuery()) {
        while (rs.next()) {
          assignments.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return new Contents(features, assignments);
  }

  private List<TerritoryModelView> views(String where, List<String> args) {
    String sql =
        "SELECT m.id, m.state, m.note, m.created_by, m.created_at, m.activated_at,"
            + " (SELECT count(*) FROM territory_model_territories t WHERE t.model_id = m.id),"
            + " (SELECT count(*) FROM territory_model_assignments a WHERE a.model_id = m.id)"
            + " FROM territory_models m "
            + where;
    List<TerritoryModelView> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        q.setString(i + 1, args.get(i));
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          Timestamp activated = rs.getTimestamp(6);
          out.add(
              new TerritoryModelView(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant().toString(),
                  activated == null ? LIVE : activated.toInstant().toString(),
                  rs.getInt(7),
                  rs.getInt(8)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read territory models", e);
    }
    return out;
  }

  private static boolean exists(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, arg);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("a stored territory is not JSON", e);
    }
  }
}

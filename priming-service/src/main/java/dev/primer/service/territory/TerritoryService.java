package dev.primer.service.territory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.protocol.problem.ProblemError;
import dev.primer.service.data.OrgDataChanges;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.StorableText;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.NamedPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.TerritoryProblem;
import dev.primer.territory.coverage.CoverageAnalysis;
import dev.primer.territory.coverage.CoverageReport;
import dev.primer.territory.geojson.GeoJsonFormatException;
import dev.primer.territory.geojson.GeoJsonReadResult;
import dev.primer.territory.geojson.TerritoryGeoJson;
import dev.primer.territory.validation.TerritoryValidator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Territories as GeoJSON Features: validated with territory-geo before they are stored. Reads and
 * deletes go through the {@link StoredTerritory} entity; the upsert and a user's set of territories
 * are plain SQL (see docs/adr/0004-jdbc-and-panache.md).
 */
@ApplicationScoped
public class TerritoryService {
  private final AgroalDataSource db;
  private final OrgDataChanges changes;
  private final ObjectMapper json;

  TerritoryService(AgroalDataSource db, OrgDataChanges changes, ObjectMapper json) {
    this.db = db;
    this.changes = changes;
    this.json = json;
  }

  /** Validates a Feature or FeatureCollection without storing anything. */
  public ValidationAnswer validate(String body) {
    GeoJsonReadResult read = read(body);
    List<TerritoryProblem> problems = new ArrayList<>(read.problems());
    problems.addAll(new TerritoryValidator().validate(read.territories()));
    return new ValidationAnswer(
        problems.stream().noneMatch(TerritoryProblem::isError),
        read.territories().size(),
        problems.stream().map(TerritoryProblemView::of).toList());
  }

  /**
   * Stores the Feature as territory {@code id}; a feature without an id takes {@code id}. Refuses
   * (422) a feature whose geometry territory-geo finds invalid. One upsert that says whether it
   * created the row, so two admins creating the same territory at once cannot collide (a Panache
   * read-then-persist could: the second insert would fail on the key).
   *
   * @return true when the territory is new
   */
  @Transactional
  public boolean put(String id, String body) {
    CheckedFeature checked = check(id, body);
    ObjectNode feature = checked.feature();
    Territory territory = checked.territory();
    try (Connection c = db.getConnection();
        PreparedStatement u =
            c.prepareStatement(
                "INSERT INTO territories (id, name, feature, updated_at) VALUES (?, ?, ?::jsonb, now())"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + " feature = excluded.feature, updated_at = now()"
                    + " RETURNING (xmax = 0)")) {
      u.setString(1, id);
      u.setString(2, territory.name());
      u.setString(3, feature.toString());
      boolean created;
      try (ResultSet rs = u.executeQuery()) {
        rs.next();
        created = rs.getBoolean(1);
      }
      changes.changed("territories");
      return created;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store territory " + id, e);
    }
  }

  /** A Feature that territory-geo found valid, with the territory it reads as. */
  public record CheckedFeature(ObjectNode feature, Territory territory) {}

  /**
   * Reads the Feature as territory {@code id} (a feature without an id takes {@code id}) and checks
   * it as {@code bin/primer territory validate} does; refuses (422) an invalid one with its
   * problems. The one check for a live territory and a draft's alike.
   */
  public CheckedFeature check(String id, String body) {
    JsonNode tree = tree(body);
    if (!"Feature".equals(tree.path("type").asText())) {
      throw invalid(id, "the body must be a GeoJSON Feature", List.of());
    }
    ObjectNode feature = (ObjectNode) tree;
    JsonNode props = feature.path("properties");
    ObjectNode properties = props.isObject() ? (ObjectNode) props : feature.putObject("properties");
    String given = properties.path("id").asText(feature.path("id").asText(""));
    if (!given.isEmpty() && !given.equals(id)) {
      throw invalid(
          id, "the Feature's id '" + given + "' differs from '" + id + "' in the path", List.of());
    }
    properties.put("id", id);
    GeoJsonReadResult read = read(feature.toString());
    List<TerritoryProblem> problems = new ArrayList<>(read.problems());
    read.territories().forEach(t -> problems.addAll(new TerritoryValidator().validate(t)));
    List<TerritoryProblem> errors = problems.stream().filter(TerritoryProblem::isError).toList();
    if (!errors.isEmpty() || read.territories().size() != 1) {
      throw invalid(id, "territory " + id + " is not valid", errors);
    }
    return new CheckedFeature(feature, read.territories().get(0));
  }

  /** The stored Feature. */
  @Transactional(TxType.SUPPORTS)
  public Optional<JsonNode> get(String id) {
    return StoredTerritory.<StoredTerritory>findByIdOptional(id).map(t -> tree(t.feature));
  }

  /**
   * Every territory as one FeatureCollection's JSON text, by id, put together by PostgreSQL from
   * the stored Features (committed ones: callers read, they do not write first). The console's map
   * asks for all of them on each load: read as entities and written again by Jackson, the medium
   * organisation's 104 (434 KB) took 25–33 ms to answer, this way 12–22 ms.
   */
  public String allAsText() {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT json_build_object('type', 'FeatureCollection', 'features',"
                    + " coalesce(json_agg(feature ORDER BY id), '[]'::json))::text FROM territories");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the territories", e);
    }
  }

  /** Deletes the territory and every assignment of a user to it; false when there was none. */
  @Transactional
  public boolean delete(String id) {
    if (StoredTerritory.delete("id", id) == 0) {
      return false;
    }
    // user_territories is written a user's whole set at a time (assign), so it stays plain SQL.
    try (Connection c = db.getConnection();
        PreparedStatement a =
            c.prepareStatement("DELETE FROM user_territories WHERE territory_id = ?")) {
      a.setString(1, id);
      a.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete territory " + id, e);
    }
    changes.changed("territories");
    return true;
  }

  /**
   * The 422 answer to an assignment naming territories that do not exist {@code where} (empty for
   * the live ones, " in draft ID" for a territory model's), one error per unknown id.
   */
  public static ProblemException unknownTerritories(List<String> unknown, String where) {
    return new ProblemException(
        422,
        "unknown-territory",
        "Unknown territory",
        "no territory " + String.join(", ", unknown) + where,
        unknown.stream()
            .map(t -> ProblemError.field("territoryIds", "no territory '" + t + "'" + where))
            .toList());
  }

  /** Replaces the territories of user {@code userId}; every territory must exist. */
  @Transactional
  public List<String> assign(String userId, List<String> territoryIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(territoryIds));
    try (Connection c = db.getConnection()) {
      try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM users WHERE id = ?")) {
        q.setString(1, userId);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            throw ProblemException.notFound("user", userId);
          }
        }
      }
      List<String> unknown = new ArrayList<>();
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT t FROM unnest(?::text[]) AS t WHERE t NOT IN (SELECT id FROM territories)")) {
        q.setArray(1, c.createArrayOf("text", ids.toArray(String[]::new)));
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            unknown.add(rs.getString(1));
          }
        }
      }
      if (!unknown.isEmpty()) {
        throw unknownTerritories(unknown, "");
      }
      try (PreparedStatement d =
              c.prepareStatement("DELETE FROM user_territories WHERE user_id = ?");
          PreparedStatement i =
              c.prepareStatement(
                  "INSERT INTO user_territories (user_id, territory_id)"
                      + " SELECT ?, t FROM unnest(?::text[]) AS t")) {
        d.setString(1, userId);
        d.executeUpdate();
        i.setString(1, userId);
        i.setArray(2, c.createArrayOf("text", ids.toArray(String[]::new)));
        i.executeUpdate();
      }
      changes.changed("user-territories");
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot assign territories to " + userId, e);
    }
  }

  /** A report and the org data version it was computed at. */
  private record CachedReport(long version, CoverageAnswer answer) {}

  private final java.util.concurrent.atomic.AtomicReference<CachedReport> lastReport =
      new java.util.concurrent.atomic.AtomicReference<>(new CachedReport(-1, emptyReport()));

  private static CoverageAnswer emptyReport() {
    return new CoverageAnswer(
        0, 0, 0, List.of(), 0, List.of(), 0, java.util.Map.of(), 0, List.of(), List.of());
  }

  /**
   * Overlaps, gaps and accounts per territory over everything stored; computed again only when the
   * org data changed (the analysis of the medium organisation's 104 territories and 6,000 accounts
   * takes about 110 ms, and the console's map asks for it on every load).
   */
  public CoverageAnswer report() {
    long version = dataVersion();
    CachedReport known = lastReport.get();
    if (known.version() == version) {
      return known.answer();
    }
    CoverageAnswer fresh = analyse();
    lastReport.set(new CachedReport(version, fresh));
    return fresh;
  }

  private long dataVersion() {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT coalesce(max(version), 0) FROM data_changes");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the org data version", e);
    }
  }

  private CoverageAnswer analyse() {
    GeoJsonReadResult read = TerritoryGeoJson.read(allAsText());
    List<NamedPoint> accounts = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT id, lat, lon FROM accounts WHERE lat IS NOT NULL AND lon IS NOT NULL");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        accounts.add(
            new NamedPoint(rs.getString(1), new GeoPoint(rs.getDouble(2), rs.getDouble(3))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read accounts", e);
    }
    CoverageReport r = new CoverageAnalysis().analyze(read.territories(), accounts);
    return new CoverageAnswer(
        r.territoryCount(),
        r.coveredAreaKm2(),
        r.minAreaKm2(),
        r.overlaps().stream()
            .map(
                o ->
                    new CoverageAnswer.OverlapView(
                        o.firstId(),
                        o.secondId(),
                        o.areaKm2(),
                        o.representativePoint().map(GeoPoint::lat).orElse(null),
                        o.representativePoint().map(GeoPoint::lon).orElse(null)))
            .toList(),
        r.smallerOverlaps(),
        r.gaps().stream()
            .map(
                g ->
                    new CoverageAnswer.GapView(
                        g.areaKm2(),
                        g.enclosed(),
                        g.representativePoint().map(GeoPoint::lat).orElse(null),
                        g.representativePoint().map(GeoPoint::lon).orElse(null)))
            .toList(),
        r.smallerGaps(),
        r.points().map(p -> p.pointsPerTerritory()).orElse(java.util.Map.of()),
        r.points().map(p -> p.unassignedPointIds().size()).orElse(0),
        r.points().map(p -> p.unassignedPointIds().stream().sorted().toList()).orElse(List.of()),
        r.repairedForAnalysis());
  }

  private GeoJsonReadResult read(String body) {
    StorableText.require(body, "the GeoJSON");
    try {
      return TerritoryGeoJson.read(body);
    } catch (GeoJsonFormatException e) {
      throw invalid("", e.getMessage(), List.of());
    }
  }

  private JsonNode tree(String text) {
    StorableText.require(text, "the GeoJSON");
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new ProblemException(
          400,
          "invalid-json",
          "Invalid JSON body",
          "the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static ProblemException invalid(
      String id, String detail, List<TerritoryProblem> problems) {
    return new ProblemException(
        422,
        "invalid-territory",
        "Invalid territory",
        detail,
        problems.stream().map(p -> ProblemError.field("geometry", p.toLine())).toList());
  }
}

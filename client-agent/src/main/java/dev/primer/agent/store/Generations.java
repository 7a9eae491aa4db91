package dev.primer.agent.store;

import static dev.primer.agent.store.StoreSchema.MANIFEST_COLUMNS;

import dev.primer.agent.crypto.FieldCipher;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The committed generation and the one a sync stages: a sync writes its target manifest to {@code
 * staged_manifest}, adds the {@link #missing()} content (invisible until the commit), then {@link
 * #commitStaged} swaps the manifest, the generation pointer and the eviction in ONE transaction.
 */
final class Generations {
  private final Jdbc jdbc;
  private final StoreMeta meta;
  private final FieldCipher cipher;
  private final Runnable contentEvicted;

  /** {@code contentEvicted} runs after a commit that evicted content (the search index's cue). */
  Generations(Jdbc jdbc, StoreMeta meta, FieldCipher cipher, Runnable contentEvicted) {
    this.jdbc = jdbc;
    this.meta = meta;
    this.cipher = cipher;
    this.contentEvicted = contentEvicted;
  }

  /** The committed generation, if any sync ever committed. */
  Optional<GenerationInfo> committed() {
    return generationWithPrefix("");
  }

  /** The generation a sync has staged but not committed. */
  Optional<GenerationInfo> staged() {
    return generationWithPrefix("staged.");
  }

  private Optional<GenerationInfo> generationWithPrefix(String prefix) {
    Map<String, String> values = meta.all();
    String generation = values.get(prefix + "generation");
    if (generation == null) {
      return Optional.empty();
    }
    return Optional.of(
        new GenerationInfo(
            Long.parseLong(generation),
            values.getOrDefault(prefix + "etag", ""),
            values.getOrDefault(prefix + "model_id", ""),
            values.getOrDefault(prefix + "selector", ""),
            values.getOrDefault(prefix + "day", ""),
            values.getOrDefault(prefix + "built_at", "")));
  }

  /** Whether the committed generation holds all of its manifest (false after a cut-off sync). */
  boolean complete() {
    return "true".equals(meta.all().get("complete"));
  }

  /** The committed manifest in priority order. */
  List<ManifestEntry> manifest() {
    return readManifest("manifest");
  }

  /** The staged manifest in priority order. */
  List<ManifestEntry> stagedManifest() {
    return readManifest("staged_manifest");
  }

  private List<ManifestEntry> readManifest(String table) {
    return jdbc.query(
        "SELECT " + MANIFEST_COLUMNS + " FROM " + table + " ORDER BY rank", List.of(), this::entry);
  }

  private ManifestEntry entry(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    return new ManifestEntry(
        id,
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        // Stores written before the tier names were shared say "scored" for predicted.
        "guaranteed".equals(rs.getString(5)) ? Tier.GUARANTEED : Tier.PREDICTED,
        rs.getDouble(6),
        cipher.decryptText(rs.getBytes(9), id + "/m.reason"),
        rs.getString(7),
        cipher.decryptText(rs.getBytes(8), id + "/m.title"));
  }

  /**
   * Records the target manifest of a sync (replacing any earlier staged one) in one transaction.
   * Content already verified is kept, so a resumed sync downloads only what is missing.
   */
  void stage(GenerationInfo info, List<ManifestEntry> target) {
    jdbc.inTransaction(
        () -> {
          try (Statement s = jdbc.statement()) {
            s.execute("DELETE FROM staged_manifest");
          }
          try (PreparedStatement p =
              jdbc.prepare(
                  "INSERT OR REPLACE INTO staged_manifest ("
                      + MANIFEST_COLUMNS
                      + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            int rank = 0;
            for (ManifestEntry e : target) {
              p.setString(1, e.recordId());
              p.setLong(2, e.version());
              p.setLong(3, e.sizeBytes());
              p.setString(4, e.sha256());
              p.setString(5, e.tier().wireName());
              p.setDouble(6, e.score());
              p.setString(7, e.type());
              p.setBytes(8, cipher.encryptText(e.title(), e.recordId() + "/m.title"));
              p.setBytes(9, cipher.encryptText(e.reason(), e.recordId() + "/m.reason"));
              p.setInt(10, rank++);
              p.addBatch();
            }
            p.executeBatch();
          }
          Map<String, String> values = new LinkedHashMap<>();
          values.put("staged.generation", Long.toString(info.generation()));
          values.put("staged.etag", info.etag());
          values.put("staged.model_id", info.modelId());
          values.put("staged.selector", info.selector());
          values.put("staged.day", info.day());
          values.put("staged.built_at", info.builtAt());
          meta.putInTransaction(values);
        });
  }

  /** Staged entries whose verified content is not in the store yet, in priority order. */
  List<ManifestEntry> missing() {
    return jdbc.query(
        "SELECT "
            + prefixed("s")
            + " FROM staged_manifest s WHERE NOT EXISTS (SELECT 1 FROM content c"
            + " WHERE c.record_id = s.record_id AND c.sha256 = s.sha256) ORDER BY s.rank",
        List.of(),
        this::entry);
  }

  /** Bytes of staged entries whose content is already in the store. */
  long stagedBytesPresent() {
    return jdbc.queryLong(
        "SELECT coalesce(sum(s.size_bytes), 0) FROM staged_manifest s JOIN content c"
            + " ON c.record_id = s.record_id AND c.sha256 = s.sha256");
  }

  private static String prefixed(String alias) {
    StringBuilder out = new StringBuilder();
    for (String column : MANIFEST_COLUMNS.split(", ")) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(alias).append('.').append(column);
    }
    return out.toString();
  }

  /**
   * Makes the staged manifest the visible generation, atomically: the manifest, the generation
   * pointer and the eviction of content that left the manifest commit together. {@code complete}
   * says whether every entry's content is present (false after a cut-off: the rep then sees the
   * most valuable part of the new generation). Returns how many records were evicted.
   */
  int commitStaged(boolean complete, Instant now) {
    Optional<GenerationInfo> staged = staged();
    if (staged.isEmpty()) {
      throw new IllegalStateException("nothing staged to commit");
    }
    int[] evicted = new int[1];
    jdbc.inTransaction(
        () -> {
          try (Statement s = jdbc.statement()) {
            // Fields of records that leave the device go with them, unless an edit of the rep's
            // is still shown on top of them.
            s.execute(
                "DELETE FROM record_fields WHERE record_id IN (SELECT record_id FROM manifest)"
                    + " AND record_id NOT IN (SELECT record_id FROM staged_manifest)"
                    + " AND record_id NOT IN (SELECT record_id FROM edit_ops WHERE overlay = 1)");
            s.execute("DELETE FROM manifest");
            s.execute(
                "INSERT INTO manifest ("
                    + MANIFEST_COLUMNS
                    + ") SELECT "
                    + MANIFEST_COLUMNS
                    + " FROM staged_manifest");
            s.execute("DELETE FROM staged_manifest");
            String gone =
                "SELECT c.id FROM content c WHERE NOT EXISTS (SELECT 1 FROM manifest m"
                    + " WHERE m.record_id = c.record_id AND m.sha256 = c.sha256)";
            s.execute("INSERT OR IGNORE INTO unindex (id) " + gone);
            evicted[0] = s.executeUpdate("DELETE FROM content WHERE id IN (" + gone + ")");
            s.execute("DELETE FROM meta WHERE key LIKE 'staged.%'");
          }
          GenerationInfo g = staged.get();
          Map<String, String> values = new LinkedHashMap<>();
          values.put("generation", Long.toString(g.generation()));
          values.put("etag", g.etag());
          values.put("model_id", g.modelId());
          values.put("selector", g.selector());
          values.put("day", g.day());
          values.put("built_at", g.builtAt());
          values.put("complete", Boolean.toString(complete));
          values.put("committed_at", now.toString());
          meta.putInTransaction(values);
        });
    if (evicted[0] > 0) {
      contentEvicted.run();
    }
    return evicted[0];
  }
}

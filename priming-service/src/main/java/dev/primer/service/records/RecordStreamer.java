package dev.primer.service.records;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.records.RecordField;
import dev.primer.protocol.records.RecordLine;
import dev.primer.service.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes records as NDJSON, one line per asked id in the asked order. Content up to 64 KiB is
 * inline (base64); larger content is named by its blob hash.
 *
 * <p>Rows are read in short queries of {@link #CHUNK} ids, and no database connection is held while
 * the answer is written: a slow device on a slow link must not keep a pooled connection from the
 * other devices. The first chunk is read before the answer starts, so a service out of connections
 * answers 503 instead of an empty 200.
 */
@ApplicationScoped
public class RecordStreamer {
  /** Ids read per query: at most 64 KiB inline each, so a chunk stays a few MB. */
  static final int CHUNK = 64;

  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper json;

  /** A fetch whose first rows are read: writing it reads the rest chunk by chunk. */
  public final class Answer {
    private final List<String> ids;
    private final Set<String> allowed;
    private final List<String> wanted;
    private Map<String, RecordLine> chunk;
    private int chunkEnd;

    private Answer(List<String> ids, Set<String> allowed, List<String> wanted) throws IOException {
      this.ids = ids;
      this.allowed = allowed;
      this.wanted = wanted;
      this.chunk = readChunk(0);
    }

    /** Writes every line; throws (leaving the answer unfinished) when the database fails. */
    public void writeTo(OutputStream out) throws IOException {
      JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
      g.setRootValueSeparator(null);
      // The caller owns the stream (it may be a gzip stream to finish).
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      int next = 0;
      for (String id : ids) {
        if (!allowed.contains(id)) {
          RecordLine.refused(id, "not available to this device").write(g);
        } else {
          if (next == chunkEnd) {
            chunk = readChunk(next);
          }
          next++;
          chunk.getOrDefault(id, RecordLine.refused(id, "no such record")).write(g);
        }
        g.flush();
        out.write('\n');
      }
      g.close();
    }

    private Map<String, RecordLine> readChunk(int from) throws IOException {
      chunkEnd = Math.min(wanted.size(), from + CHUNK);
      return rows(wanted.subList(from, chunkEnd));
    }
  }

  /**
   * Reads the first rows of the answer for {@code ids}; ids outside {@code allowed} get an error
   * line.
   *
   * @throws ProblemException 503 when no database connection is free
   */
  public Answer open(List<String> ids, Set<String> allowed) throws IOException {
    List<String> wanted = new ArrayList<>();
    for (String id : ids) {
      if (allowed.contains(id)) {
        wanted.add(id);
      }
    }
    return new Answer(ids, allowed, wanted);
  }

  private Map<String, RecordLine> rows(List<String> ids) throws IOException {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, RecordLine> rows = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, account_id, type, title, version + fields_revision, size_bytes,"
                    + " sha256, updated_at, related_ids, content FROM records"
                    + " WHERE id = ANY(?::text[]) AND deleted_at IS NULL")) {
      s.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Array related = rs.getArray(9);
          List<String> relatedIds =
              related == null ? List.of() : List.of((String[]) related.getArray());
          String title = Optional.ofNullable(rs.getString(4)).orElse("");
          String updatedAt = rs.getTimestamp(8).toInstant().toString();
          byte[] content = rs.getBytes(10);
          RecordLine row =
              content != null
                  ? RecordLine.inline(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      title,
                      rs.getLong(5),
                      rs.getString(7),
                      updatedAt,
                      relatedIds,
                      content)
                  : RecordLine.inBlob(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      title,
                      rs.getLong(5),
                      rs.getLong(6),
                      rs.getString(7),
                      updatedAt,
                      relatedIds);
          rows.put(row.id(), row);
        }
      }
      addFields(c, ids, rows);
    } catch (SQLException e) {
      throw new IOException("cannot read records", e);
    }
    return rows;
  }

  /** The records' structured fields, by name: one query for the whole chunk. */
  private static void addFields(Connection c, List<String> ids, Map<String, RecordLine> rows)
      throws SQLException {
    Map<String, List<RecordField>> fields = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT record_id, field, value, version FROM record_fields"
                + " WHERE record_id = ANY(?::text[]) ORDER BY record_id, field")) {
      s.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          fields
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new RecordField(rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
      }
    }
    fields.forEach(
        (id, list) -> {
          RecordLine line = rows.get(id);
          if (line != null) {
            rows.put(id, line.withFields(list));
          }
        });
  }
}

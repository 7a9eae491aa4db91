package dev.primer.service.records;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Set;

/**
 * Writes records as NDJSON straight from a streamed query, one line per asked id in the asked
 * order. Content up to 64 KiB is inline (base64); larger content is named by its blob hash.
 */
@ApplicationScoped
public class RecordStreamer {
  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper json;

  /** Writes one line per id; ids outside {@code allowed} get an error line. */
  public void write(List<String> ids, Set<String> allowed, OutputStream out) throws IOException {
    List<String> wanted = new ArrayList<>();
    for (String id : ids) {
      if (allowed.contains(id)) {
        wanted.add(id);
      }
    }
    JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setRootValueSeparator(null);
    // The caller owns the stream (it may be a gzip stream to finish).
    g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT r.id, r.account_id, r.type, r.title, r.version, r.size_bytes, r.sha256,"
                  + " r.updated_at, r.related_ids, r.content"
                  + " FROM unnest(?::text[]) WITH ORDINALITY AS q(id, n)"
                  + " LEFT JOIN records r ON r.id = q.id ORDER BY q.n")) {
        s.setArray(1, c.createArrayOf("text", wanted.toArray()));
        s.setFetchSize(50);
        try (ResultSet rs = s.executeQuery()) {
          for (String id : ids) {
            if (!allowed.contains(id)) {
              error(g, id, "not in this device's manifest");
            } else if (!rs.next() || rs.getString(1) == null) {
              error(g, id, "no such record");
            } else {
              record(g, rs);
            }
            g.flush();
            out.write('\n');
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IOException("cannot read records", e);
    }
    g.close();
  }

  private static void error(JsonGenerator g, String id, String message) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("error", message);
    g.writeEndObject();
  }

  private static void record(JsonGenerator g, ResultSet rs) throws IOException, SQLException {
    g.writeStartObject();
    g.writeStringField("id", rs.getString(1));
    g.writeStringField("accountId", rs.getString(2));
    g.writeStringField("type", rs.getString(3));
    g.writeStringField("title", rs.getString(4) == null ? "" : rs.getString(4));
    g.writeNumberField("version", rs.getLong(5));
    g.writeNumberField("sizeBytes", rs.getLong(6));
    g.writeStringField("sha256", rs.getString(7));
    g.writeStringField("updatedAt", rs.getTimestamp(8).toInstant().toString());
    g.writeArrayFieldStart("relatedIds");
    Array related = rs.getArray(9);
    if (related != null) {
      for (String r : (String[]) related.getArray()) {
        g.writeString(r);
      }
    }
    g.writeEndArray();
    byte[] content = rs.getBytes(10);
    if (content != null) {
      g.writeBinaryField("contentBase64", content);
    } else {
      g.writeStringField("blob", rs.getString(7));
    }
    g.writeEndObject();
  }
}

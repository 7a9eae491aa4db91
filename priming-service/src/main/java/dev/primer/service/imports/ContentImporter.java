package dev.primer.service.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.primer.service.content.ContentService;
import dev.primer.service.problem.JsonErrors;
import dev.primer.service.storable.StorableText;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/import/content}: small record content in bulk, one {@code {"id",
 * "contentBase64"}} per line, at most {@value ContentService#INLINE_MAX} bytes each (larger content
 * goes through {@code PUT /v1/records/{id}/content}). A line whose content length differs from the
 * record's sizeBytes, or whose record is unknown, is rejected with its number.
 */
final class ContentImporter {
  private static final String SQL =
      """
      WITH input AS (
        SELECT i.line, i.id, decode(i.b64, 'base64') AS content
        FROM unnest(?::int8[], ?::text[], ?::text[]) AS i(line, id, b64)),
      hashed AS (
        SELECT line, id, content, encode(sha256(content), 'hex') AS sha FROM input),
      written AS (
        UPDATE records r SET content = h.content, sha256 = h.sha
        FROM hashed h, records o
        WHERE r.id = h.id AND o.id = r.id
          AND r.size_bytes = length(h.content) AND r.sha256 IS DISTINCT FROM h.sha
        RETURNING r.id, (o.sha256 IS NULL) AS first)
      SELECT h.line, h.id, r.size_bytes, length(h.content), w.first
      FROM hashed h
      LEFT JOIN records r ON r.id = h.id
      LEFT JOIN written w ON w.id = h.id
      ORDER BY h.line
      """;

  private final AgroalDataSource db;

  ContentImporter(AgroalDataSource db) {
    this.db = db;
  }

  /** A parsed line waiting for its batch. */
  private record Pending(long line, String id, String base64) {}

  void run(BufferedReader lines, ObjectReader reader, ImportService.Tally tally, int batchSize)
      throws IOException {
    List<Pending> batch = new ArrayList<>(batchSize);
    List<String> seen = new ArrayList<>();
    long number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      ContentLine c;
      try {
        c = reader.readValue(line);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        tally.reject(number, JsonErrors.describe(e));
        continue;
      }
      if (c == null || c.id() == null || c.id().isBlank() || c.contentBase64() == null) {
        tally.reject(number, "a line needs id and contentBase64");
        continue;
      }
      Optional<String> badId = StorableText.problem(c.id(), StorableText.MAX_ID);
      if (badId.isPresent()) {
        tally.reject(number, "id " + badId.get());
        continue;
      }
      int size;
      try {
        size = Base64.getDecoder().decode(c.contentBase64()).length;
      } catch (IllegalArgumentException e) {
        tally.reject(number, "contentBase64 is not base64: " + e.getMessage());
        continue;
      }
      if (size > ContentService.INLINE_MAX) {
        tally.reject(
            number,
            "content of "
                + size
                + " bytes is larger than "
                + ContentService.INLINE_MAX
                + "; upload it with PUT /v1/records/"
                + c.id()
                + "/content");
        continue;
      }
      if (seen.contains(c.id())) {
        // One row per id and statement: the batch so far is stored first.
        store(batch, tally);
        batch.clear();
        seen.clear();
      }
      batch.add(new Pending(number, c.id(), c.contentBase64()));
      seen.add(c.id());
      if (batch.size() == batchSize) {
        store(batch, tally);
        batch.clear();
        seen.clear();
      }
    }
    if (!batch.isEmpty()) {
      store(batch, tally);
    }
  }

  private void store(List<Pending> batch, ImportService.Tally tally) {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  try (Connection c = db.getConnection();
                      PreparedStatement s = c.prepareStatement(SQL)) {
                    s.setArray(
                        1,
                        c.createArrayOf(
                            "int8", batch.stream().map(Pending::line).toArray(Long[]::new)));
                    s.setArray(
                        2,
                        c.createArrayOf(
                            "text", batch.stream().map(Pending::id).toArray(String[]::new)));
                    s.setArray(
                        3,
                        c.createArrayOf(
                            "text", batch.stream().map(Pending::base64).toArray(String[]::new)));
                    List<Object[]> out = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                      while (rs.next()) {
                        Long sizeBytes = rs.getObject(3) == null ? null : rs.getLong(3);
                        Boolean first = rs.getObject(5) == null ? null : rs.getBoolean(5);
                        out.add(
                            new Object[] {
                              rs.getLong(1), rs.getString(2), sizeBytes, rs.getLong(4), first
                            });
                      }
                    }
                    return out;
                  } catch (SQLException e) {
                    throw new IllegalStateException("cannot store a batch of content", e);
                  }
                });
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    for (Object[] row : rows) {
      long line = (Long) row[0];
      Long sizeBytes = (Long) row[2];
      long length = (Long) row[3];
      Boolean first = (Boolean) row[4];
      if (sizeBytes == null) {
        tally.reject(line, "no record '" + row[1] + "'");
      } else if (sizeBytes != length) {
        tally.reject(
            line,
            "record "
                + row[1]
                + " has sizeBytes "
                + sizeBytes
                + " but the content is "
                + length
                + " bytes");
      } else if (first == null) {
        unchanged++;
      } else if (first) {
        inserted++;
      } else {
        updated++;
      }
    }
    tally.add(new Counts(inserted, updated, unchanged));
  }
}

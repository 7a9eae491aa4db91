package dev.primer.service.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.primer.core.dataset.DataSetJson;
import dev.primer.protocol.RejectedLine;
import dev.primer.protocol.imports.ImportResult;
import dev.primer.service.content.ContentChanges;
import dev.primer.service.data.OrgDataChanges;
import dev.primer.service.problem.JsonErrors;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.FieldChecks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;

/**
 * Reads NDJSON lines in the data set format and upserts them in batches of {@value #BATCH}, each
 * batch in its own transaction: a bad line is rejected with its number and loses no good line.
 */
@ApplicationScoped
public class ImportService {
  private static final Logger LOG = Logger.getLogger(ImportService.class);

  /** Lines per transaction. */
  static final int BATCH = 2_000;

  /** Content lines per transaction (each up to 64 KiB). */
  static final int CONTENT_BATCH = 200;

  /** Rejected lines listed in an answer; the total counts them all. */
  static final int MAX_LISTED = 1_000;

  private final AgroalDataSource db;
  private final OrgDataChanges changes;
  private final ContentChanges contentChanges;

  ImportService(AgroalDataSource db, OrgDataChanges changes, ContentChanges contentChanges) {
    this.db = db;
    this.changes = changes;
    this.contentChanges = contentChanges;
  }

  /** Imports every line of {@code body}; signals the change once all batches are committed. */
  public ImportResult importLines(ImportKind kind, InputStream body) {
    ImportResult result =
        switch (kind) {
          case USERS -> run(new UserUpserter(), body);
          case ACCOUNTS -> run(new AccountUpserter(), body);
          case RECORDS -> run(new RecordUpserter(), body);
          case INTERACTIONS -> run(new InteractionUpserter(), body);
          case SHARES -> run(new ShareUpserter(), body);
          case CONTENT -> content(body);
          case FIELDS -> run(new FieldUpserter(), body);
          case DELETIONS -> run(new DeletionUpserter(), body);
        };
    if (result.inserted() + result.updated() > 0) {
      if (kind == ImportKind.CONTENT) {
        contentChanges.stored();
      } else {
        changes.changed(kind.wireName());
      }
    }
    return result;
  }

  private ImportResult content(InputStream body) {
    Tally tally = new Tally();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
      new ContentImporter(db)
          .run(lines, DataSetJson.mapper().readerFor(ContentLine.class), tally, CONTENT_BATCH);
    } catch (IOException e) {
      throw unreadable(tally, e);
    }
    return tally.result();
  }

  /** A parsed line waiting for its batch, with its number for the answer. */
  private record Numbered<T>(long line, T value) {}

  private <T> ImportResult run(Upserter<T> upserter, InputStream body) {
    ObjectReader reader = DataSetJson.mapper().readerFor(upserter.type());
    Tally tally = new Tally();
    List<Numbered<T>> batch = new ArrayList<>(BATCH);
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
      long number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        T value;
        try {
          value = reader.readValue(line);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          tally.reject(number, JsonErrors.describe(e));
          continue;
        }
        if (value == null) {
          tally.reject(number, "not a JSON object");
          continue;
        }
        // Every value is checked against what PostgreSQL can store before the batch is written:
        // one unstorable value would otherwise fail the whole batch's statement.
        FieldChecks checks = new FieldChecks();
        upserter.check(value, checks);
        Optional<String> problem = checks.first();
        if (problem.isPresent()) {
          tally.reject(number, problem.get());
          continue;
        }
        batch.add(new Numbered<>(number, value));
        if (batch.size() == BATCH) {
          store(upserter, batch, tally);
          batch.clear();
        }
      }
    } catch (IOException e) {
      throw unreadable(tally, e);
    }
    if (!batch.isEmpty()) {
      store(upserter, batch, tally);
    }
    return tally.result();
  }

  /** Lines before the fault are stored; sending the body again is safe (upserts are idempotent). */
  private static ProblemException unreadable(Tally tally, IOException e) {
    return new ProblemException(
        400,
        "unreadable-body",
        "Unreadable body",
        "the body cannot be read after " + tally.lines() + " stored lines: " + e.getMessage());
  }

  /**
   * Stores a batch in one transaction. Should the database still refuse it (a value the checks do
   * not foresee), the batch is stored again line by line, each in its own transaction, so that only
   * the lines the database refuses are rejected and every other line is kept.
   */
  private <T> void store(Upserter<T> upserter, List<Numbered<T>> batch, Tally tally) {
    try {
      tally.add(write(upserter, batch.stream().map(Numbered::value).toList()));
    } catch (Unstorable e) {
      LOG.warnf(
          "a batch of %d lines was refused (%s); storing it line by line", batch.size(), e.reason);
      for (Numbered<T> one : batch) {
        try {
          tally.add(write(upserter, List.of(one.value())));
        } catch (Unstorable refused) {
          tally.reject(one.line(), "cannot be stored: " + refused.reason);
        }
      }
    }
  }

  private <T> Counts write(Upserter<T> upserter, List<T> values) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = db.getConnection()) {
                return upserter.upsert(c, values);
              } catch (SQLException e) {
                throw new Unstorable(e);
              }
            });
  }

  /** The database refused a statement; {@code reason} is its own words, without the values. */
  private static final class Unstorable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    Unstorable(SQLException e) {
      super(e);
      this.reason = reason(e);
    }

    private static String reason(SQLException e) {
      String message =
          e instanceof PSQLException p && p.getServerErrorMessage() != null
              ? p.getServerErrorMessage().getMessage()
              : e.getMessage() != null ? e.getMessage() : "the database refused it";
      String first = String.valueOf(message).lines().findFirst().orElse("");
      return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }
  }

  /** Adds up the batches. */
  static final class Tally {
    private long inserted;
    private long updated;
    private long unchanged;
    private long rejectedTotal;
    private final List<RejectedLine> rejected = new ArrayList<>();

    void add(Counts c) {
      inserted += c.inserted();
      updated += c.updated();
      unchanged += c.unchanged();
    }

    void reject(long line, String reason) {
      rejectedTotal++;
      if (rejected.size() < MAX_LISTED) {
        rejected.add(new RejectedLine(line, reason));
      }
    }

    long lines() {
      return inserted + updated + unchanged;
    }

    ImportResult result() {
      // Content lines are checked partly in Java, partly in the database: list them in line order.
      List<RejectedLine> byLine = new ArrayList<>(rejected);
      byLine.sort(Comparator.comparingLong(RejectedLine::line));
      return new ImportResult(inserted, updated, unchanged, rejectedTotal, List.copyOf(byLine));
    }
  }
}

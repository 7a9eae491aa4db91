package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The device's hash-chained audit log ({@code audit_log}): entries are only appended, each in the
 * transaction of the step it records, and each hash covers the entry before it.
 */
final class AuditLog {
  /** The {@code prev} of the first entry. */
  static final String GENESIS = "0".repeat(64);

  private final Jdbc jdbc;
  private final FieldCipher cipher;

  AuditLog(Jdbc jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** Appends {@code event} at {@code at}; call inside a write transaction. */
  AuditEntry appendInTransaction(AuditEvent event, Instant at) throws SQLException {
    List<String[]> last =
        jdbc.query(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            List.of(),
            rs -> new String[] {rs.getString(1), rs.getString(2)});
    long seq = last.isEmpty() ? 1 : Long.parseLong(last.get(0)[0]) + 1;
    String prev = last.isEmpty() ? GENESIS : last.get(0)[1];
    String when = at.toString();
    String hash = hash(prev, seq, when, event.event(), event.subject(), event.detail());
    try (PreparedStatement p =
        jdbc.prepare(
            "INSERT INTO audit_log (seq, at, event, subject, detail, prev, hash)"
                + " VALUES (?,?,?,?,?,?,?)")) {
      p.setLong(1, seq);
      p.setString(2, when);
      p.setString(3, event.event());
      p.setString(4, event.subject());
      p.setBytes(5, cipher.encryptText(event.detail(), "audit/" + seq));
      p.setString(6, prev);
      p.setString(7, hash);
      p.executeUpdate();
    }
    return new AuditEntry(seq, when, event.event(), event.subject(), event.detail(), prev, hash);
  }

  /** Appends {@code event} in a transaction of its own. */
  AuditEntry append(AuditEvent event, Instant at) {
    AuditEntry[] added = new AuditEntry[1];
    jdbc.inWriteTransaction(() -> added[0] = appendInTransaction(event, at));
    return added[0];
  }

  /** Every entry, in order; a detail that does not unseal reads as empty (verify names it). */
  List<AuditEntry> entries() {
    return jdbc.query(
        "SELECT seq, at, event, subject, detail, prev, hash FROM audit_log ORDER BY seq",
        List.of(),
        rs -> {
          long seq = rs.getLong(1);
          String detail;
          try {
            detail = cipher.decryptText(rs.getBytes(5), "audit/" + seq);
          } catch (RuntimeException damaged) {
            detail = "";
          }
          return new AuditEntry(
              seq,
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              detail,
              rs.getString(6),
              rs.getString(7));
        });
  }

  /** Where the chain first breaks, and how; empty when every entry is as written. */
  Optional<String> firstBreak() {
    String prev = GENESIS;
    long expected = 1;
    for (AuditEntry e : entries()) {
      if (e.seq() != expected) {
        return Optional.of("entry " + expected + " is missing (next is " + e.seq() + ")");
      }
      if (!e.prev().equals(prev)) {
        return Optional.of("entry " + e.seq() + " does not follow the entry before it");
      }
      if (!hash(e.prev(), e.seq(), e.at(), e.event(), e.subject(), e.detail()).equals(e.hash())) {
        return Optional.of("entry " + e.seq() + " was changed after it was written");
      }
      prev = e.hash();
      expected++;
    }
    return Optional.empty();
  }

  static String hash(
      String prev, long seq, String at, String event, String subject, String detail) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {prev, Long.toString(seq), at, event, subject, detail}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so no two different entries hash the same bytes.
        d.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(bytes);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

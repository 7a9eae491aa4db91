package dev.primer.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path home;

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("store.db"));
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void entriesAreChainedAndSealedAndTheChainHoldsAsWritten() throws Exception {
    try (LocalStore store = TestStore.open(home)) {
      AuditEntry first =
          store.audit(new AuditEvent("quote", "new-1", "{\"total\":\"10.00\"}"), Instant.EPOCH);
      AuditEntry second =
          store.audit(
              new AuditEvent("quote-document", "new-1", "{\"sha256\":\"ab\"}"), Instant.EPOCH);

      assertThat(first.prev()).isEqualTo(AuditLog.GENESIS);
      assertThat(second.prev()).isEqualTo(first.hash());
      assertThat(store.auditLog()).containsExactly(first, second);
      assertThat(store.auditBreak()).isEmpty();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("store.db"));
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT detail FROM audit_log WHERE seq = 1")) {
      assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1))
          .doesNotContain("10.00");
    }
  }

  @Test
  void anEntryChangedOrRemovedBreaksTheChainAtIt() throws Exception {
    try (LocalStore store = TestStore.open(home)) {
      for (int i = 1; i <= 3; i++) {
        store.audit(new AuditEvent("quote", "new-" + i, "{}"), Instant.EPOCH);
      }
    }
    sql("UPDATE audit_log SET subject = 'new-9' WHERE seq = 2");
    try (LocalStore store = TestStore.open(home)) {
      assertThat(store.auditBreak()).contains("entry 2 was changed after it was written");
    }
    sql("DELETE FROM audit_log WHERE seq = 2");
    try (LocalStore store = TestStore.open(home)) {
      assertThat(store.auditBreak()).contains("entry 2 is missing (next is 3)");
    }
  }
}

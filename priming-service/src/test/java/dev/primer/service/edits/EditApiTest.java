package dev.primer.service.edits;

import static dev.primer.service.manifest.DeviceCalls.enrol;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.edits.Conflict;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.OpenReviews;
import dev.primer.protocol.edits.Outcome;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.records.RecordField;
import dev.primer.protocol.records.RecordLine;
import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobStore;
import dev.primer.service.manifest.Fixture;
import dev.primer.service.manifest.ManifestTestProfile;
import dev.primer.service.snapshot.Snapshots;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offline edits against the real service and database: field-level merge, the policies, exactly
 * once, deletions, the review queue and who may write what (ADR 0009).
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class EditApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EARLY = "2026-03-01T20:00:00Z";
  private static final String LATE = "2026-03-02T02:00:00Z";

  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;

  @BeforeEach
  void fixture() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
    // An account of its own, outside the territory, so that the records these tests add change
    // no manifest the other tests of this database count.
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO accounts (id, name, domain, address, lat, lon, owner_id)"
                    + " VALUES ('a-edits', 'Edits', 'edits.example', '1 Side St', 40.0, -90.0, 'u1')"
                    + " ON CONFLICT DO NOTHING")) {
      if (s.executeUpdate() > 0) {
        snapshots.refreshNow();
      }
    }
  }

  /** A record of its own, so that tests do not share fields. */
  private String record(String type) throws Exception {
    String id = "r-edit-" + UUID.randomUUID();
    byte[] content = ("content of " + id).getBytes(StandardCharsets.UTF_8);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO records (id, account_id, type, title, size_bytes, version, updated_at,"
                    + " sha256, content) VALUES (?, 'a-edits', ?, 'T', ?, 1, now(), ?, ?)")) {
      s.setString(1, id);
      s.setString(2, type);
      s.setLong(3, content.length);
      s.setString(
          4,
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
      s.setBytes(5, content);
      s.executeUpdate();
    }
    return id;
  }

  private static void importFields(String id, Map<String, String> fields, String at)
      throws Exception {
    importLines(
        "fields",
        JSON.writeValueAsString(Map.of("recordId", id, "fields", fields, "changedAt", at)) + "\n");
  }

  private static void importLines(String kind, String lines) {
    given()
        .header("Authorization", TestTokens.bearer("bot", Roles.INTEGRATOR))
        .contentType("application/x-ndjson")
        .body(lines.getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/v1/import/" + kind)
        .then()
        .statusCode(200);
  }

  private static EditOperation update(
      String user, long seq, String record, String editedAt, FieldChange... changes) {
    return new EditOperation(
        UUID.randomUUID().toString(),
        seq,
        EditOperation.UPDATE,
        record,
        "",
        "",
        user,
        List.of(changes),
        "",
        editedAt,
        0,
        "",
        QuoteDraft.NONE);
  }

  private static EditReceipts send(String user, String device, EditOperation... ops)
      throws Exception {
    String body =
        given()
            .header("Authorization", TestTokens.bearer(user, Roles.DEVICE))
            .contentType("application/json")
            .body(JSON.writeValueAsString(new EditBatch(ops.length, 0, List.of(ops))))
            .when()
            .post("/v1/devices/" + device + "/edits")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readValue(body, EditReceipts.class);
  }

  private static RecordLine fetch(String user, String device, String id) throws Exception {
    String body =
        given()
            .header("Authorization", TestTokens.bearer(user, Roles.DEVICE))
            .contentType("application/json")
            .body("{\"ids\":[\"" + id + "\"]}")
            .when()
            .post("/v1/devices/" + device + "/records:fetch")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readValue(body.lines().findFirst().orElseThrow(), RecordLine.class);
  }

  private static Map<String, String> fields(RecordLine line) {
    Map<String, String> out = new TreeMap<>();
    for (RecordField f : line.fields()) {
      out.put(f.name(), f.value());
    }
    return out;
  }

  @Test
  void twoDevicesChangingDifferentFieldsOfOneRecordBothKeepTheirChange() throws Exception {
    String id = record("contact");
    importFields(id, Map.of("phone", "1", "email", "a@x"), EARLY);
    String d1 = enrol("u1");
    String d2 = enrol("u2");
    EditReceipt r1 =
        send("u1", d1, update("u1", 1, id, LATE, new FieldChange("phone", "1", 1, "2")))
            .receipts()
            .get(0);
    EditReceipt r2 =
        send("u2", d2, update("u2", 1, id, LATE, new FieldChange("email", "a@x", 1, "b@x")))
            .receipts()
            .get(0);
    assertThat(r1.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(r2.outcome()).isEqualTo(Outcome.APPLIED);
    RecordLine line = fetch("u1", d1, id);
    assertThat(fields(line)).containsEntry("phone", "2").containsEntry("email", "b@x");
    assertThat(line.version()).isEqualTo(r2.recordVersion()).isGreaterThan(1);
  }

  @Test
  void aLaterOfficeEditBeatsAnEarlierOfflineEditThatArrivesAfterIt() throws Exception {
    String id = record("contact");
    importFields(id, Map.of("phone", "start"), "2026-03-01T10:00:00Z");
    importFields(id, Map.of("phone", "office"), LATE);
    String d = enrol("u1");
    EditReceipt r =
        send("u1", d, update("u1", 1, id, EARLY, new FieldChange("phone", "start", 1, "rep")))
            .receipts()
            .get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.AUTO_RESOLVED);
    assertThat(r.rule()).isEqualTo("last-write");
    assertThat(fields(fetch("u1", d, id))).containsEntry("phone", "office");
  }

  @Test
  void aResentBatchGetsTheSameReceiptsAndChangesNothing() throws Exception {
    String id = record("service-history");
    importFields(id, Map.of("hours", "10"), EARLY);
    String d = enrol("u1");
    EditOperation op = update("u1", 1, id, LATE, new FieldChange("hours", "10", 1, "7"));
    EditReceipts first = send("u1", d, op);
    EditReceipts again = send("u1", d, op);
    assertThat(again.receipts()).isEqualTo(first.receipts());
    assertThat(again.highWater()).isEqualTo(1);
    assertThat(fields(fetch("u1", d, id))).containsEntry("hours", "7");
    // Another rep's concurrent decrement on the same base: both count (numeric-delta).
    String d2 = enrol("u2");
    send("u2", d2, update("u2", 1, id, LATE, new FieldChange("hours", "10", 1, "8")));
    send("u2", d2, update("u2", 1, id, LATE, new FieldChange("hours", "10", 1, "8")));
    assertThat(fields(fetch("u1", d, id))).containsEntry("hours", "5");
  }

  @Test
  void anImportOfOneFieldLeavesAPendingEditOfAnotherFieldToApply() throws Exception {
    String id = record("contact");
    importFields(id, Map.of("phone", "1", "email", "a@x"), EARLY);
    String d = enrol("u1");
    importFields(id, Map.of("email", "office@x"), LATE);
    EditReceipt r =
        send("u1", d, update("u1", 1, id, LATE, new FieldChange("phone", "1", 1, "2")))
            .receipts()
            .get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(fields(fetch("u1", d, id)))
        .containsEntry("phone", "2")
        .containsEntry("email", "office@x");
  }

  @Test
  void anEditOfARecordTheBackOfficeDeletedGoesToReviewNotToNothing() throws Exception {
    String id = record("contact");
    importFields(id, Map.of("phone", "1"), EARLY);
    importLines("deletions", "{\"id\":\"" + id + "\"}\n");
    String d = enrol("u1");
    EditOperation op = update("u1", 1, id, LATE, new FieldChange("phone", "1", 1, "2"));
    EditReceipt r = send("u1", d, op).receipts().get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    assertThat(r.reason()).isEqualTo("record deleted");
    assertThat(openConflicts()).anySatisfy(c -> assertThat(c.opId()).isEqualTo(op.opId()));
    assertThat(fetch("u1", d, id).isError()).isTrue();
  }

  @Test
  void aReviewResolvedByAnAdminBecomesANewVersionOfTheField() throws Exception {
    String id = record("service-history");
    importFields(id, Map.of("status", "open"), EARLY);
    importFields(id, Map.of("status", "escalated"), LATE);
    String d = enrol("u1");
    EditOperation op = update("u1", 1, id, LATE, new FieldChange("status", "open", 1, "done"));
    EditReceipt r = send("u1", d, op).receipts().get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    long before = fetch("u1", d, id).version();
    Conflict item =
        openConflicts().stream().filter(c -> c.opId().equals(op.opId())).findFirst().orElseThrow();
    assertThat(item.base()).isEqualTo("open");
    assertThat(item.mine()).isEqualTo("done");
    assertThat(item.theirs()).isEqualTo("escalated");
    given()
        .header("Authorization", TestTokens.bearer("boss", Roles.ADMIN))
        .contentType("application/json")
        .body("{\"keep\":\"mine\"}")
        .when()
        .post("/v1/admin/conflicts/" + item.id() + "/resolve")
        .then()
        .statusCode(200);
    RecordLine after = fetch("u1", d, id);
    assertThat(fields(after)).containsEntry("status", "done");
    assertThat(after.version()).isGreaterThan(before);
    given()
        .header("Authorization", TestTokens.bearer("boss", Roles.ADMIN))
        .contentType("application/json")
        .body("{\"keep\":\"mine\"}")
        .when()
        .post("/v1/admin/conflicts/" + item.id() + "/resolve")
        .then()
        .statusCode(409);
  }

  private static List<String> openReviews(String user, String device) throws Exception {
    String body =
        given()
            .header("Authorization", TestTokens.bearer(user, Roles.DEVICE))
            .when()
            .get("/v1/devices/" + device + "/reviews")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readValue(body, OpenReviews.class).opIds();
  }

  @Test
  void aDeviceSeesItsReviewOpenUntilAnAdminDecidesItWhateverElseChanges() throws Exception {
    String id = record("service-history");
    importFields(id, Map.of("status", "open", "notes", ""), EARLY);
    importFields(id, Map.of("status", "escalated"), LATE);
    String d = enrol("u1");
    EditOperation op = update("u1", 1, id, LATE, new FieldChange("status", "open", 1, "done"));
    assertThat(send("u1", d, op).receipts().get(0).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    assertThat(openReviews("u1", d)).containsExactly(op.opId());
    assertThat(openReviews("u2", enrol("u2"))).isEmpty();
    given()
        .header("Authorization", TestTokens.bearer("u2", Roles.DEVICE))
        .when()
        .get("/v1/devices/" + d + "/reviews")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    // Another field changes: a newer copy of the record, the review still open.
    importFields(id, Map.of("notes", "office note"), LATE);
    assertThat(openReviews("u1", d)).containsExactly(op.opId());

    Conflict item =
        openConflicts().stream().filter(c -> c.opId().equals(op.opId())).findFirst().orElseThrow();
    given()
        .header("Authorization", TestTokens.bearer("boss", Roles.ADMIN))
        .contentType("application/json")
        .body("{\"keep\":\"theirs\"}")
        .when()
        .post("/v1/admin/conflicts/" + item.id() + "/resolve")
        .then()
        .statusCode(200);
    assertThat(openReviews("u1", d)).isEmpty();
    assertThat(fields(fetch("u1", d, id))).containsEntry("status", "escalated");
  }

  @Test
  void fieldsThePolicyTableKeepsForTheBackOfficeAreRejectedWithTheReason() throws Exception {
    String d = enrol("u1");
    EditReceipt r =
        send("u1", d, update("u1", 1, "r-a1-schematic", LATE, new FieldChange("notes", "", 0, "x")))
            .receipts()
            .get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(r.reason()).isEqualTo("field notes of a schematic is not writable from a device");
  }

  @Test
  void anUnknownRecordAndOneTheUserMayNotReadGetTheSameWords() throws Exception {
    String d = enrol("u9");
    EditReceipts r =
        send(
            "u9",
            d,
            update("u9", 1, "r-a1-contact", LATE, new FieldChange("phone", "", 0, "x")),
            update("u9", 2, "r-nowhere", LATE, new FieldChange("phone", "", 0, "x")));
    assertThat(r.receipts().get(0).reason())
        .isEqualTo("record r-a1-contact is not available to this device");
    assertThat(r.receipts().get(1).reason())
        .isEqualTo("record r-nowhere is not available to this device");
  }

  @Test
  void aCreatedRecordKeepsTheDevicesIdAndARetryMakesNoSecondOne() throws Exception {
    String d = enrol("u1");
    String id = "new-" + UUID.randomUUID();
    EditOperation create =
        new EditOperation(
            UUID.randomUUID().toString(),
            1,
            EditOperation.CREATE,
            id,
            "contact",
            "a-edits",
            "u1",
            List.of(new FieldChange("name", "", 0, "Met on site")),
            "",
            LATE,
            0,
            "",
            QuoteDraft.NONE);
    EditReceipt r = send("u1", d, create).receipts().get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(send("u1", d, create).receipts().get(0)).isEqualTo(r);
    RecordLine line = fetch("u1", d, id);
    assertThat(line.isError()).as(line.error()).isFalse();
    assertThat(fields(line)).containsEntry("name", "Met on site");
    assertThat(new String(line.contentBase64(), StandardCharsets.UTF_8)).contains("Met on site");
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM records WHERE id = ?")) {
      s.setString(1, id);
      var rs = s.executeQuery();
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
  }

  @Test
  void aSequenceNumberTakenByAnotherOperationIsRejectedAndTheNextOneStillApplies()
      throws Exception {
    String id = record("contact");
    String d = enrol("u1");
    send("u1", d, update("u1", 1, id, LATE, new FieldChange("phone", "", 0, "1")));
    EditReceipts r =
        send(
            "u1",
            d,
            update("u1", 1, id, LATE, new FieldChange("phone", "1", 1, "2")),
            update("u1", 2, id, LATE, new FieldChange("email", "", 0, "e@x")));
    assertThat(r.receipts().get(0).outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(r.receipts().get(0).reason()).startsWith("seq 1 is already taken");
    assertThat(r.receipts().get(1).outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(r.highWater()).isEqualTo(2);
  }

  @Test
  void theReviewQueueAndThePolicyTableAreForAdminsOnly() {
    for (String path :
        List.of("/v1/admin/conflicts", "/v1/admin/field-policies", "/v1/admin/edits/stats")) {
      given()
          .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
          .when()
          .get(path)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
  }

  @Test
  void aMalformedBatchIsAProblemDocument() {
    String d = enrol("u1");
    given()
        .header("Authorization", TestTokens.bearer("u1", Roles.DEVICE))
        .contentType("application/json")
        .body("{\"operations\": 7}")
        .when()
        .post("/v1/devices/" + d + "/edits")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static List<Conflict> openConflicts() throws Exception {
    String body =
        given()
            .header("Authorization", TestTokens.bearer("boss", Roles.ADMIN))
            .when()
            .get("/v1/admin/conflicts?limit=1000")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return List.of(JSON.readValue(body, Conflict[].class));
  }
}

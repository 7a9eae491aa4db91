package dev.primer.service.quotes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.cpq.catalogue.CatalogueJson;
import dev.primer.cpq.catalogue.DiscountRule;
import dev.primer.cpq.catalogue.PriceBook;
import dev.primer.cpq.catalogue.PriceList;
import dev.primer.cpq.catalogue.Product;
import dev.primer.cpq.catalogue.ProductOption;
import dev.primer.cpq.catalogue.ProductRules;
import dev.primer.cpq.catalogue.Requirement;
import dev.primer.cpq.engine.QuoteEngine;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.Outcome;
import dev.primer.protocol.quotes.QuoteBasis;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.quotes.QuoteItem;
import dev.primer.protocol.quotes.QuoteRequest;
import dev.primer.protocol.quotes.QuoteResult;
import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobStore;
import dev.primer.service.manifest.DeviceCalls;
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
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quotes made on devices against the real service and database: the service prices each again with
 * the versions the device used and accepts it only when it agrees (ADR 0011).
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class QuoteApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "a-quotes";

  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;

  static PriceBook book(String pumpPrice) {
    Map<String, BigDecimal> motor = new LinkedHashMap<>();
    motor.put("15kW", BigDecimal.ZERO);
    motor.put("30kW", new BigDecimal("2000"));
    return new PriceBook(
        PriceBook.FORMAT,
        "pb-q",
        "Pumps",
        "USD",
        new BigDecimal("25"),
        List.of(
            new Product(
                "PMP-1",
                "Pump",
                "pump",
                new BigDecimal(pumpPrice),
                List.of(new ProductOption("motor", "15kW", motor))),
            new Product("VFD-30", "Drive", "drive", new BigDecimal("3000"), List.of())),
        List.of(new DiscountRule("volume", "line", "line.quantity >= 10 ? 5.0 : 0.0")));
  }

  static final ProductRules RULES =
      new ProductRules(
          ProductRules.FORMAT,
          "pr-q",
          "pb-q",
          List.of(),
          List.of(
              new Requirement(
                  "needs-drive", "line.options.motor == '30kW'", "VFD-30", "started by a drive")),
          List.of(),
          List.of());

  static final PriceList LIST =
      new PriceList(PriceList.FORMAT, ACCOUNT, "pb-q", "pr-q", new BigDecimal("10"), "Net 30", 30);

  @BeforeEach
  void catalogue() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO accounts (id, name, domain, address, lat, lon, owner_id)"
                    + " VALUES (?, 'Quotes', 'quotes.example', '2 Side St', 40.1, -90.1, 'u1')"
                    + " ON CONFLICT DO NOTHING")) {
      s.setString(1, ACCOUNT);
      s.executeUpdate();
    }
    importRecord(
        "pl-q", ACCOUNT, "price-list", 1, List.of("pb-q", "pr-q"), CatalogueJson.write(LIST));
    importRecord("pb-q", "", "price-book", 1, List.of(), CatalogueJson.write(book("10000")));
    importRecord("pr-q", "", "product-rules", 1, List.of("pb-q"), CatalogueJson.write(RULES));
    snapshots.refreshNow();
  }

  private static void importRecord(
      String id, String account, String type, long version, List<String> related, byte[] content)
      throws Exception {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", id);
    line.put("accountId", account);
    line.put("type", type);
    line.put("title", id);
    line.put("sizeBytes", content.length);
    line.put("version", version);
    line.put("updatedAt", "2026-01-01T00:00:00Z");
    line.put("relatedIds", related);
    integrator("application/x-ndjson", (JSON.writeValueAsString(line) + "\n").getBytes())
        .post("/v1/import/records")
        .then()
        .statusCode(200);
    integrator("application/octet-stream", content)
        .put("/v1/records/" + id + "/content")
        .then()
        .statusCode(200);
  }

  private static io.restassured.specification.RequestSpecification integrator(
      String type, byte[] body) {
    return given()
        .header("Authorization", TestTokens.bearer("bot", Roles.INTEGRATOR))
        .contentType(type)
        .body(body);
  }

  static QuoteRequest request() {
    return new QuoteRequest(
        ACCOUNT,
        List.of(
            new QuoteItem("PMP-1", 2, Map.of("motor", "30kW")),
            new QuoteItem("VFD-30", 2, Map.of())));
  }

  /**
   * What the device claims: the engine's pricing with {@code book}, the total shifted by {@code
   * off}.
   */
  static QuoteDraft draft(PriceBook book, long bookVersion, String off) {
    QuoteResult r = QuoteEngine.of(LIST, book, RULES).price(request());
    QuoteResult claimed =
        new QuoteResult(
            r.valid(),
            r.violations(),
            r.lines(),
            r.listTotal(),
            r.subtotal(),
            r.orderDiscounts(),
            r.total().add(new BigDecimal(off)),
            r.currency());
    return new QuoteDraft(
        request(),
        new QuoteBasis("pl-q", 1, "pb-q", bookVersion, "pr-q", 1),
        claimed,
        "2026-03-02T10:00:00Z");
  }

  static EditOperation quoteOp(String user, long seq, QuoteDraft draft) {
    return new EditOperation(
        UUID.randomUUID().toString(),
        seq,
        EditOperation.QUOTE,
        "new-" + UUID.randomUUID(),
        "quote",
        draft.request().accountId(),
        user,
        List.of(
            new FieldChange("status", "", 0, "draft"),
            new FieldChange("total", "", 0, draft.result().total().toPlainString())),
        "",
        "2026-03-02T10:00:00Z",
        0,
        "",
        draft);
  }

  static EditReceipt send(String user, String device, EditOperation op) throws Exception {
    String body =
        given()
            .header("Authorization", TestTokens.bearer(user, Roles.DEVICE))
            .contentType("application/json")
            .body(JSON.writeValueAsString(new EditBatch(1, 0, List.of(op))))
            .when()
            .post("/v1/devices/" + device + "/edits")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readValue(body, EditReceipts.class).receipts().get(0);
  }

  private Map<String, Object> quoteRow(String recordId) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT agrees, reason, device_total, service_result->>'total' FROM quotes"
                    + " WHERE record_id = ?")) {
      s.setString(1, recordId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("a quotes row for " + recordId).isTrue();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("agrees", rs.getBoolean(1));
        row.put("reason", rs.getString(2));
        row.put("deviceTotal", rs.getBigDecimal(3));
        row.put("serviceTotal", rs.getString(4));
        return row;
      }
    }
  }

  private String field(String recordId, String field) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT value FROM record_fields WHERE record_id = ? AND field = ?")) {
      s.setString(1, recordId);
      s.setString(2, field);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }

  @Test
  void aQuoteThatTheServicePricesAlikeIsAcceptedAsARecordOfTheAccount() throws Exception {
    String device = DeviceCalls.enrol("u1");
    EditOperation op = quoteOp("u1", 1, draft(book("10000"), 1, "0"));

    EditReceipt r = send("u1", device, op);

    assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.APPLIED);
    assertThat(field(op.recordId(), "total")).isEqualTo("27000.00");
    assertThat(quoteRow(op.recordId()))
        .containsEntry("agrees", true)
        .containsEntry("reason", "")
        .containsEntry("serviceTotal", "27000.00");
    // Resent: the same receipt, nothing twice.
    assertThat(send("u1", device, op)).isEqualTo(r);
  }

  @Test
  void aQuoteWhoseTotalDiffersWaitsForReviewWithTheServicesTotalAsTheirs() throws Exception {
    String device = DeviceCalls.enrol("u1");
    EditOperation op = quoteOp("u1", 1, draft(book("10000"), 1, "-500"));

    EditReceipt r = send("u1", device, op);

    assertThat(r.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    assertThat(r.reason())
        .isEqualTo("the service prices this quote at USD 27,000.00, the device at USD 26,500.00");
    assertThat(field(op.recordId(), "total")).isEqualTo("27000.00");
    assertThat(field(op.recordId(), "status")).isEqualTo("draft");
    String conflicts =
        given()
            .header("Authorization", TestTokens.bearer("admin", Roles.ADMIN))
            .when()
            .get("/v1/admin/conflicts")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(conflicts).contains(op.recordId()).contains("26500.00").contains("27000.00");
    assertThat(quoteRow(op.recordId())).containsEntry("agrees", false);
  }

  @Test
  void aQuoteIsPricedWithTheVersionsItNamesEvenAfterANewPriceBook() throws Exception {
    importRecord("pb-q", "", "price-book", 2, List.of(), CatalogueJson.write(book("12000")));
    String device = DeviceCalls.enrol("u1");

    EditOperation old = quoteOp("u1", 1, draft(book("10000"), 1, "0"));
    assertThat(send("u1", device, old).outcome()).isEqualTo(Outcome.APPLIED);
    EditOperation current = quoteOp("u1", 2, draft(book("12000"), 2, "0"));
    assertThat(send("u1", device, current).outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(field(current.recordId(), "total")).isEqualTo("30600.00");

    EditOperation unknown = quoteOp("u1", 3, draft(book("12000"), 9, "0"));
    EditReceipt r = send("u1", device, unknown);
    assertThat(r.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    assertThat(r.reason())
        .isEqualTo("the service does not hold price book pb-q v9 to price this quote");
  }

  @Test
  void aQuoteOnAnotherAccountsPriceListOrWithoutItsQuoteIsRejected() throws Exception {
    String device = DeviceCalls.enrol("u1");
    QuoteDraft good = draft(book("10000"), 1, "0");
    QuoteDraft elsewhere =
        new QuoteDraft(
            new QuoteRequest("a1", good.request().items()),
            good.basis(),
            good.result(),
            good.quotedAt());
    EditReceipt r = send("u1", device, quoteOp("u1", 1, elsewhere));
    assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(r.reason()).isEqualTo("pl-q is not the price list of account a1");

    EditOperation bare = quoteOp("u1", 2, QuoteDraft.NONE);
    EditReceipt noQuote = send("u1", device, bare);
    assertThat(noQuote.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(noQuote.reason()).isEqualTo("a quote operation needs its quote");
  }
}

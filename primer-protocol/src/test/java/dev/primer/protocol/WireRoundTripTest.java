package dev.primer.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.device.EnrolRequest;
import dev.primer.protocol.device.Enrolled;
import dev.primer.protocol.device.IssuedToken;
import dev.primer.protocol.edits.Conflict;
import dev.primer.protocol.edits.ConflictResolution;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.FieldPolicy;
import dev.primer.protocol.edits.FieldReceipt;
import dev.primer.protocol.edits.FieldUpdate;
import dev.primer.protocol.edits.MergePolicy;
import dev.primer.protocol.edits.Outcome;
import dev.primer.protocol.manifest.Manifest;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import dev.primer.protocol.problem.ProblemDocument;
import dev.primer.protocol.problem.ProblemError;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.records.FetchRequest;
import dev.primer.protocol.records.RecordField;
import dev.primer.protocol.records.RecordLine;
import dev.primer.protocol.telemetry.TelemetryAnswer;
import dev.primer.protocol.telemetry.TelemetryLine;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every wire type survives JSON and back unchanged, and reads what the service writes. */
class WireRoundTripTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final ManifestEntry ENTRY =
      new ManifestEntry(
          "rec-1", 3, 2048, "ab".repeat(32), Tier.GUARANTEED, 1.0, "visit 09:00", "contact", "Ada");

  private static <T> T roundTrip(T value, Class<T> type) throws Exception {
    return JSON.readValue(JSON.writeValueAsString(value), type);
  }

  @Test
  void everyTypeReadsBackAsItWasWritten() throws Exception {
    Manifest full =
        new Manifest(
            "dev-1",
            "u-1",
            7,
            0,
            true,
            "\"7-abc\"",
            "2026-12-07",
            "m-1",
            "model",
            "",
            64 << 20,
            2048,
            "2026-12-07T02:00:00Z",
            List.of(ENTRY),
            null,
            null,
            null,
            null,
            List.of("r-9"));
    assertThat(roundTrip(full, Manifest.class)).isEqualTo(full);
    assertThat(roundTrip(ENTRY, ManifestEntry.class)).isEqualTo(ENTRY);
    assertThat(roundTrip(new FetchRequest(List.of("a", "b")), FetchRequest.class).ids())
        .containsExactly("a", "b");
    TelemetryLine hit = new TelemetryLine("e-1", "rec-1", "2026-12-07T09:00:00+01:00", "hit", "");
    assertThat(roundTrip(hit, TelemetryLine.class)).isEqualTo(hit);
    TelemetryAnswer answer =
        new TelemetryAnswer(3, 1, List.of(new RejectedLine(4, "no such record")));
    assertThat(roundTrip(answer, TelemetryAnswer.class)).isEqualTo(answer);
    ProblemDocument problem =
        ProblemDocument.of(
            "invalid-budget",
            "Invalid budget",
            400,
            "budget must be > 0",
            "/v1/devices/d/manifest",
            List.of(ProblemError.field("budget", "must be > 0"), ProblemError.line(3, "bad")));
    assertThat(roundTrip(problem, ProblemDocument.class)).isEqualTo(problem);
    assertThat(roundTrip(new EnrolRequest("laptop", "linux"), EnrolRequest.class))
        .isEqualTo(new EnrolRequest("laptop", "linux"));
    Enrolled enrolled =
        new Enrolled(
            "d", "u", "laptop", "linux", "2026-12-07T00:00:00Z", "pdt_x", "2027-01-06T00:00:00Z");
    assertThat(roundTrip(enrolled, Enrolled.class)).isEqualTo(enrolled);
    IssuedToken token = new IssuedToken("pdt_y", "2027-01-06T00:00:00Z");
    assertThat(roundTrip(token, IssuedToken.class)).isEqualTo(token);
  }

  @Test
  void recordLinesRoundTripInTheirThreeForms() throws Exception {
    byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
    List<RecordLine> lines =
        List.of(
            RecordLine.inline(
                "r1",
                "a1",
                "note",
                "Hi",
                2,
                "cd".repeat(32),
                "2026-12-01T00:00:00Z",
                List.of("r2"),
                content),
            RecordLine.inBlob(
                "r2",
                "a1",
                "schematic",
                "Pump",
                1,
                1 << 20,
                "ef".repeat(32),
                "2026-12-01T00:00:00Z",
                List.of()),
            RecordLine.inline(
                    "r4",
                    "a1",
                    "contact",
                    "Ann",
                    3,
                    "ab".repeat(32),
                    "2026-12-01T00:00:00Z",
                    List.of(),
                    content)
                .withFields(
                    List.of(new RecordField("phone", "+44 1", 2), new RecordField("email", "", 0))),
            RecordLine.refused("r3", "not available to this device"));
    for (RecordLine line : lines) {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
        line.write(g);
      }
      assertThat(JSON.readValue(out.toString(), RecordLine.class)).isEqualTo(line);
    }
  }

  @Test
  void anErrorLineCarriesOnlyItsIdAndWhy() throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      RecordLine.refused("r3", "no such record").write(g);
    }
    assertThat(out.toString()).isEqualTo("{\"id\":\"r3\",\"error\":\"no such record\"}");
  }

  @Test
  void problemErrorsLeaveOutTheirAbsentParts() throws Exception {
    JsonNode field = JSON.valueToTree(ProblemError.field("budget", "must be > 0"));
    assertThat(field.fieldNames()).toIterable().containsExactly("field", "message");
    JsonNode line = JSON.valueToTree(ProblemError.line(3, "bad"));
    assertThat(line.fieldNames()).toIterable().containsExactly("line", "message");
  }

  @Test
  void aMissQueryIsWrittenAndAHitHasNone() throws Exception {
    assertThat(JSON.writeValueAsString(new TelemetryLine("e", "", "t", "miss", "pump")))
        .contains("\"query\":\"pump\"");
    assertThat(JSON.writeValueAsString(new TelemetryLine("e", "r", "t", "hit", "")))
        .doesNotContain("query");
  }

  @Test
  void tiersAreNamedAsCoreNamesThemAndAnyOtherNameIsRefused() throws Exception {
    assertThat(JSON.writeValueAsString(Tier.PREDICTED)).isEqualTo("\"predicted\"");
    assertThat(JSON.readValue("\"guaranteed\"", Tier.class)).isEqualTo(Tier.GUARANTEED);
    assertThatThrownBy(() -> JSON.readValue("\"scored\"", Tier.class))
        .hasMessageContaining("tier must be guaranteed or predicted, was 'scored'");
  }

  @Test
  void anEntryWithoutTierIsPredictedAndOneWithoutHashIsRefused() throws Exception {
    ManifestEntry e =
        JSON.readValue(
            "{\"recordId\":\"r\",\"version\":1,\"sizeBytes\":3,\"sha256\":\"aa\"}",
            ManifestEntry.class);
    assertThat(e.tier()).isEqualTo(Tier.PREDICTED);
    assertThat(e.type()).isEmpty();
    assertThatThrownBy(
            () -> JSON.readValue("{\"recordId\":\"r\",\"version\":1}", ManifestEntry.class))
        .hasMessageContaining("a manifest entry needs recordId and sha256");
  }

  @Test
  void editsReceiptsAndTheReviewQueueRoundTrip() throws Exception {
    EditOperation update =
        new EditOperation(
            "0193a000-0000-7000-8000-000000000001",
            1,
            EditOperation.UPDATE,
            "r1",
            "",
            "",
            "u1",
            List.of(new FieldChange("phone", "+44 1", 2, "+44 2")),
            "moved desk",
            "2026-12-07T08:00:00Z",
            -1500,
            "",
            QuoteDraft.NONE);
    EditOperation create =
        new EditOperation(
            "0193a000-0000-7000-8000-000000000002",
            2,
            EditOperation.CREATE,
            "d-1-c1",
            "contact",
            "a1",
            "u1",
            List.of(new FieldChange("name", "", 0, "Bea")),
            "",
            "2026-12-07T08:01:00Z",
            0,
            "0193a000-0000-7000-8000-000000000001",
            QuoteDraft.NONE);
    EditBatch batch = new EditBatch(2, 60, List.of(update, create));
    assertThat(roundTrip(batch, EditBatch.class)).isEqualTo(batch);
    assertThat(JSON.writeValueAsString(update)).doesNotContain("recordType", "resolves");

    EditReceipts receipts =
        new EditReceipts(
            List.of(
                new EditReceipt(
                    update.opId(),
                    1,
                    "r1",
                    Outcome.AUTO_RESOLVED,
                    "last-write",
                    "",
                    4,
                    List.of(
                        new FieldReceipt(
                            "phone",
                            Outcome.AUTO_RESOLVED,
                            "last-write",
                            "+44 1",
                            "+44 2",
                            "+44 3",
                            "+44 2",
                            4)),
                    "2026-12-07T09:00:00Z"),
                new EditReceipt(
                    create.opId(), 2, "d-1-c1", Outcome.REJECTED, "", "no", 0, List.of(), "t")),
            2,
            "2026-12-07T09:00:00Z");
    assertThat(roundTrip(receipts, EditReceipts.class)).isEqualTo(receipts);
    assertThat(JSON.writeValueAsString(receipts)).contains("\"auto-resolved\"");

    Conflict open =
        new Conflict(
            7,
            "op",
            "d",
            "u1",
            "r1",
            "contact",
            "phone",
            "a",
            "b",
            "c",
            "both changed",
            "t",
            Conflict.OPEN,
            "",
            "");
    assertThat(roundTrip(open, Conflict.class)).isEqualTo(open);
    ConflictResolution keep = new ConflictResolution(ConflictResolution.VALUE, "+44 9");
    assertThat(roundTrip(keep, ConflictResolution.class)).isEqualTo(keep);
    FieldPolicy policy =
        new FieldPolicy("parts_inventory", "quantity", true, MergePolicy.NUMERIC_DELTA);
    assertThat(roundTrip(policy, FieldPolicy.class)).isEqualTo(policy);
    assertThat(JSON.writeValueAsString(policy)).contains("\"numeric-delta\"");
    FieldUpdate update2 = new FieldUpdate("r1", java.util.Map.of("phone", "+44 5"), "");
    assertThat(roundTrip(update2, FieldUpdate.class)).isEqualTo(update2);
  }

  @Test
  void unknownOutcomesAndPoliciesAreRefusedByName() {
    assertThatThrownBy(() -> JSON.readValue("\"won\"", Outcome.class))
        .hasMessageContaining("outcome must be applied");
    assertThatThrownBy(() -> JSON.readValue("\"coin-toss\"", MergePolicy.class))
        .hasMessageContaining("policy must be field-rep-wins");
  }
}

package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.quotes.QuoteBasis;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.quotes.QuoteItem;
import dev.primer.protocol.quotes.QuoteRequest;
import dev.primer.protocol.quotes.QuoteResult;
import dev.primer.testdata.content.SalesCatalogue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quote drill: a rep's agent primed from a generated organisation holds its accounts' price
 * lists with the price book and rules that price them; offline it prices a valid 30-line pumping
 * station and refuses an invalid pump with each broken rule and its fix; back online, the service
 * prices the quote again and accepts it; a quote whose total a device altered waits in review.
 */
class QuoteDrillTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;

  private static Drills.GeneratedOrg org;
  private static ServiceProcess service;
  private static Path home;
  private static String user;
  private static String account;

  @BeforeAll
  static void primedAgent() throws IOException {
    org = Drills.GeneratedOrg.generate(7);
    service = org.serve("primer_e2e_quotes", Map.of());
    user = org.users().get(0);
    home = work.resolve("agent-" + user);
    Agents.enroll(home, service.url(), user, "256MiB");
    Agents.run("sync", "--home", home.toString(), "--force", "--quiet").expectOk("sync");
    account = accountWithPriceListOnDevice();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  /** The first account of the data set whose price list this device holds. */
  private static String accountWithPriceListOnDevice() throws IOException {
    for (String line : Files.readAllLines(org.data().resolve("records.jsonl"))) {
      JsonNode r = JSON.readTree(line);
      if (r.path("type").asText().equals("price-list")
          && Agents.run("show", "--home", home.toString(), r.path("id").asText()).exit() == 0) {
        return r.path("accountId").asText();
      }
    }
    throw new AssertionError("no price list reached the device of " + user);
  }

  @Test
  void everyPriceListOnTheDeviceComesWithThePriceBookAndRulesThatPriceIt() {
    Agents.Run book = Agents.run("show", "--home", home.toString(), SalesCatalogue.PRICE_BOOK_ID);
    Agents.Run rules = Agents.run("show", "--home", home.toString(), SalesCatalogue.RULES_ID);
    assertThat(book.exit()).as(book.err()).isZero();
    assertThat(rules.exit()).as(rules.err()).isZero();
    assertThat(book.out()).contains("Industrial pumps 2026");
  }

  @Test
  void aValidPumpingStationIsPricedOfflineAndAcceptedByTheServiceOnceOnline() throws Exception {
    Path pdf = Repo.root().resolve("e2e/target/quotes/pumping-station.pdf");
    Files.createDirectories(pdf.getParent());
    List<String> args =
        new ArrayList<>(
            List.of(
                "quote",
                "--home",
                home.toString(),
                "--account",
                account,
                "--offline",
                "--pdf",
                pdf.toString()));
    args.addAll(SalesCatalogue.asArguments(SalesCatalogue.pumpingStation()));
    Agents.Run quote = Agents.run(args.toArray(String[]::new));
    assertThat(quote.exit()).as(quote.out() + quote.err()).isZero();
    assertThat(quote.out()).contains("valid: yes").contains(" 30  BRG-SET").contains("queued ");
    java.util.regex.Matcher queued =
        java.util.regex.Pattern.compile("quote (new-[0-9a-f-]+) for ").matcher(quote.out());
    assertThat(queued.find()).as(quote.out()).isTrue();
    String quoteId = queued.group(1);
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("total       USD (\\S+)").matcher(quote.out());
    assertThat(total.find()).isTrue();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Quote")
          .contains("PMP-CX125")
          .contains("SVC-TRAIN")
          .contains("Total USD " + total.group(1))
          .contains("Accepted for ");
      assertThat(doc.getDocumentCatalog().getAcroForm().getField("customer-signature"))
          .isInstanceOf(PDSignatureField.class);
    }

    Agents.run("sync", "--home", home.toString(), "--force", "--quiet")
        .expectOk("sync after quote");

    JsonNode pending =
        JSON.readTree(Agents.run("pending", "--home", home.toString(), "--all", "--json").out());
    Set<String> states = new HashSet<>();
    for (JsonNode op : pending) {
      if (op.path("recordId").asText().equals(quoteId)) {
        states.add(op.path("kind").asText() + " " + op.path("state").asText());
      }
    }
    assertThat(states).containsExactly("quote applied");
    String agrees =
        Postgres.psql(
            service.database(), "select agrees from quotes where record_id = '" + quoteId + "'");
    assertThat(agrees.strip()).isEqualTo("t");
  }

  @Test
  void anInvalidPumpIsRefusedOfflineWithEachRuleAndItsFix() {
    Agents.Run quote =
        Agents.run(
            "quote",
            "--home",
            home.toString(),
            "--account",
            account,
            "--offline",
            "--add",
            "PMP-CX80",
            "--option",
            "material=duplex",
            "--option",
            "seal=packing",
            "--option",
            "motor=30kW");

    assertThat(quote.exit()).isEqualTo(1);
    assertThat(quote.out())
        .contains("valid: no, 2 rules violated")
        .contains(
            "line 1 centrifugal-material-seal-motor: PMP-CX80: material=duplex, seal=packing,"
                + " motor=30kW is not a valid combination")
        .contains("fix: change seal to mechanical or cartridge")
        .contains("line 1 large-motor-needs-drive-30: PMP-CX80 requires VFD-30")
        .contains("fix: add VFD-30")
        .contains("not saved");
  }

  @Test
  void aQuoteWhoseTotalTheDeviceAlteredWaitsInReviewWithTheServicesTotal() throws Exception {
    Agents.Run priced =
        Agents.run(
            "quote",
            "--home",
            home.toString(),
            "--account",
            account,
            "--json",
            "--dry-run",
            "--add",
            "PMP-CX50:2",
            "--option",
            "motor=15kW");
    assertThat(priced.exit()).as(priced.err()).isZero();
    JsonNode answer = JSON.readTree(priced.out());
    QuoteResult honest = JSON.treeToValue(answer.path("result"), QuoteResult.class);
    QuoteResult altered =
        new QuoteResult(
            honest.valid(),
            honest.violations(),
            honest.lines(),
            honest.listTotal(),
            honest.subtotal(),
            honest.orderDiscounts(),
            honest.total().divide(BigDecimal.TEN),
            honest.currency());
    QuoteDraft draft =
        new QuoteDraft(
            new QuoteRequest(
                account, List.of(new QuoteItem("PMP-CX50", 2, Map.of("motor", "15kW")))),
            JSON.treeToValue(answer.path("basis"), QuoteBasis.class),
            altered,
            "2026-03-02T10:00:00Z");
    String device = Drills.enrol(new Http(service.url()), user);
    EditOperation op =
        new EditOperation(
            UUID.randomUUID().toString(),
            1,
            EditOperation.QUOTE,
            "new-" + UUID.randomUUID(),
            "quote",
            account,
            user,
            List.of(new FieldChange("total", "", 0, altered.total().toPlainString())),
            "",
            "2026-03-02T10:00:00Z",
            0,
            "",
            draft);
    Http.Answer a =
        new Http(service.url())
            .send(
                "POST",
                "/v1/devices/" + device + "/edits",
                DevTokens.of(user, "device"),
                Map.of("Content-Type", "application/json"),
                JSON.writeValueAsString(new EditBatch(1, 0, List.of(op)))
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    JsonNode receipt = JSON.readTree(a.body()).path("receipts").get(0);
    assertThat(receipt.path("outcome").asText()).isEqualTo("needs-review");
    assertThat(receipt.path("reason").asText())
        .startsWith("the service prices this quote at USD ")
        .endsWith(", the device at USD " + String.format(Locale.ROOT, "%,.2f", altered.total()));
  }
}

package dev.primer.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.agent.config.AgentHome;
import dev.primer.agent.policy.WifiOnly;
import dev.primer.agent.quotes.QuoteFixtures;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.TestStore;
import dev.primer.protocol.edits.EditOperation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent quote} end to end on a primed home whose service is unreachable (offline). */
class QuoteCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern QUEUED =
      Pattern.compile("queued (\\S+) \\(seq (\\d+)\\): quote (new-\\S+) for a1, total USD (\\S+)");

  @TempDir Path home;

  record Run(int code, String out, String err) {}

  private Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = args[0];
    all[1] = "--home=" + home;
    System.arraycopy(args, 1, all, 2, args.length - 1);
    int code =
        AgentCli.run(
            new AgentContext(WifiOnly.NONE, Clock.systemUTC()),
            all,
            new PrintWriter(out),
            new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void primedHome() {
    new AgentHome(home).save(TestStore.unreachableConfig("tok"));
    try (LocalStore store = TestStore.open(home)) {
      QuoteFixtures.prime(store);
    }
  }

  @Test
  void aValidQuoteIsPricedOfflineSavedWithItsBasisAndShownAsAQuoteRecord() throws Exception {
    Run run =
        cli(
            "quote",
            "--account",
            "a1",
            "--add",
            "PMP-1:2",
            "--add",
            "VFD-30:2",
            "--option",
            "PMP-1.motor=30kW",
            "--option",
            "material=stainless");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("quote for account a1 (price list list-a1 v3, price book pb-1 v2, rules pr-1 v1)")
        .contains("valid: yes")
        .contains("  1  PMP-1       Pump one  (material=stainless, motor=30kW)")
        .contains(
            "     2 x 13,000.00 = 26,000.00   account agreement 10% -2,600.00   net 23,400.00")
        .contains("list total  USD 32,000.00")
        .contains("total       USD 28,800.00");
    Matcher m = QUEUED.matcher(run.out().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(m.matches()).as(run.out()).isTrue();
    assertThat(m.group(4)).isEqualTo("28,800.00");
    assertThat(run.err()).contains("will upload when the service is reachable");

    try (LocalStore store = TestStore.open(home)) {
      EditOperation op = store.edits().get(0).op();
      assertThat(op.kind()).isEqualTo(EditOperation.QUOTE);
      assertThat(op.recordId()).isEqualTo(m.group(3));
      assertThat(op.quote().basis().priceBookVersion()).isEqualTo(2);
      assertThat(op.quote().request().items()).hasSize(2);
      assertThat(op.quote().result().total()).isEqualByComparingTo("28800");
    }
    JsonNode shown = JSON.readTree(cli("show", m.group(3), "--json").out());
    assertThat(shown.get("type").asText()).isEqualTo("quote");
    assertThat(shown.get("fields").get("total").asText()).isEqualTo("28800.00");
    assertThat(shown.get("fields").get("status").asText()).isEqualTo("draft");
  }

  @Test
  void aSavedQuoteIsWrittenAsAPdfFromTheAccountsTemplateWithAnEmptySignatureField()
      throws Exception {
    Path file = home.resolve("quote.pdf");
    Run run =
        cli(
            "quote",
            "--account",
            "a1",
            "--add",
            "PMP-1:2",
            "--option",
            "motor=15kW",
            "--offline",
            "--pdf",
            file.toString());

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    Matcher m =
        QUEUED.matcher(
            run.out().lines().filter(l -> l.startsWith("queued")).findFirst().orElseThrow());
    assertThat(m.matches()).isTrue();
    assertThat(run.out()).contains("pdf: " + file);
    try (org.apache.pdfbox.pdmodel.PDDocument pdf =
        org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
      // The heading wraps the long id: lines joined.
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replace("-\n", "-");
      assertThat(text)
          .contains("Quote " + m.group(3) + " for Acme Pumps")
          .contains("1 PMP-1 Pump one x2 18,000.00")
          .contains("Total USD 18,000.00, Net 30, valid until");
      assertThat(pdf.getDocumentCatalog().getAcroForm().getField("customer-signature"))
          .isInstanceOf(org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField.class);
    }
    Run audit = cli("audit");
    assertThat(audit.code()).as(audit.out()).isZero();
    assertThat(audit.out().lines())
        .anyMatch(l -> l.contains(" quote ") && l.contains(m.group(3)))
        .anyMatch(l -> l.contains(" quote-document ") && l.contains(m.group(3)))
        .last()
        .isEqualTo("audit log: 2 entries, chain intact");
    assertThat(java.nio.file.Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void anInvalidConfigurationNamesEachRuleWithItsFixAndIsNotSaved() {
    Run run =
        cli("quote", "--account", "a1", "--add", "PMP-1", "--option", "motor=30kW", "--offline");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("valid: no, 2 rules violated")
        .contains(
            "  line 1 pump-material-motor: PMP-1: material=cast-iron, motor=30kW is not a valid"
                + " combination")
        .contains("      fix: change material to stainless; or motor to 15kW")
        .contains("  line 1 big-motor-needs-drive: PMP-1 requires VFD-30")
        .contains("      fix: add VFD-30")
        .contains("not saved: fix the configuration and quote again");
    try (LocalStore store = TestStore.open(home)) {
      assertThat(store.edits()).isEmpty();
    }
  }

  @Test
  void jsonCarriesTheBasisAndTheResultAndDryRunSavesNothing() throws Exception {
    Run run =
        cli(
            "quote",
            "--account",
            "a1",
            "--add",
            "PMP-1:10",
            "--option",
            "motor=15kW",
            "--json",
            "--dry-run");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    JsonNode q = JSON.readTree(run.out());
    assertThat(q.get("saved").asBoolean()).isFalse();
    assertThat(q.get("basis").get("rulesId").asText()).isEqualTo("pr-1");
    assertThat(q.get("result").get("valid").asBoolean()).isTrue();
    assertThat(q.get("result").get("lines").get(0).get("discounts").get(1).get("name").asText())
        .isEqualTo("volume");
    try (LocalStore store = TestStore.open(home)) {
      assertThat(store.edits()).isEmpty();
    }
  }

  @Test
  void anAccountWithoutAPriceListHereOrBadArgumentsAreOneLine() {
    Run missing = cli("quote", "--account", "a2", "--add", "PMP-1");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo("agent quote: no price list of account a2 is on this device\n");

    Run badAdd = cli("quote", "--account", "a1", "--add", "PMP-1:two");
    assertThat(badAdd.code()).isEqualTo(2);
    assertThat(badAdd.err().lines()).hasSize(1);
    assertThat(badAdd.err()).contains("--add PMP-1:two: expected SKU or SKU:QUANTITY");

    Run badOption = cli("quote", "--account", "a1", "--add", "PMP-1", "--option", "VFD-9.motor=1");
    assertThat(badOption.code()).isEqualTo(2);
    assertThat(badOption.err()).contains("VFD-9 is not added to the quote");
  }
}

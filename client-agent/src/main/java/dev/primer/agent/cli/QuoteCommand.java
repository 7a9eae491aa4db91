package dev.primer.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.agent.edits.EditUploader;
import dev.primer.agent.edits.FieldEdits;
import dev.primer.agent.quotes.OfflineQuotes;
import dev.primer.agent.quotes.QuoteDocuments;
import dev.primer.agent.quotes.QuoteDrafts;
import dev.primer.agent.quotes.QuoteItems;
import dev.primer.agent.quotes.QuoteText;
import dev.primer.agent.quotes.QuoteUnavailableException;
import dev.primer.agent.store.AuditEvent;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.cpq.engine.Amounts;
import dev.primer.protocol.client.ServiceException;
import dev.primer.protocol.quotes.QuoteRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent quote}: configures and prices a quote offline from the primed price list. */
@Command(
    name = "quote",
    mixinStandardHelpOptions = true,
    description = {
      "Configure and price a quote for an account from what is on this device: its price list,",
      "and the price book and product rules it names. Prints whether the configuration is valid",
      "(each broken rule with what would fix it), the lines, discounts and total. A valid quote is",
      "saved as a quote record under an id made here and uploaded like an edit; the service prices",
      "it again with the same rule and price versions before it accepts it.",
      "Exit codes: 0 valid and saved (or priced with --dry-run), 1 not valid or not priceable here,",
      "2 bad usage."
    },
    footer = {
      "",
      "Example: bin/primer agent quote --account a000042 --add PMP-CX80:2 --add VFD-30:2"
          + " --option PMP-CX80.motor=30kW --option material=stainless --option seal=mechanical"
    })
final class QuoteCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Option(
      names = "--account",
      required = true,
      paramLabel = "ACCOUNT_ID",
      description = "The customer's account.")
  String account;

  @Option(
      names = "--add",
      required = true,
      paramLabel = "SKU[:QTY]",
      description = "A product and how many (default 1); repeat for each line.")
  List<String> adds;

  @Option(
      names = "--option",
      paramLabel = "[SKU.]NAME=VALUE",
      description =
          "An option value: for that product, or without SKU for every added product that has"
              + " the option. Unset options take the price book's default.")
  List<String> options = List.of();

  @Option(names = "--dry-run", description = "Price it only: do not save or upload the quote.")
  boolean dryRun;

  @Option(
      names = "--pdf",
      paramLabel = "FILE",
      description =
          "Also write the quote as PDF/A from the account's quote template, with an empty"
              + " signature field (a valid quote only).")
  Optional<Path> pdf = Optional.empty();

  @Option(names = "--json", description = "Print the quote as one JSON object.")
  boolean json;

  @Option(names = "--offline", description = "Do not try to upload now.")
  boolean offline;

  private void writePdf(
      Agent agent, OfflineQuotes.Priced priced, String quoteId, PrintWriter out, PrintWriter err) {
    if (pdf.isEmpty()) {
      return;
    }
    QuoteDocuments.Written written =
        QuoteDocuments.write(
            agent.store(),
            priced,
            quoteId,
            agent.config.userId(),
            LocalDate.ofInstant(parent.context.clock().instant(), parent.context.clock().getZone()),
            pdf.get());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("file", pdf.get().toAbsolutePath().toString());
    detail.put("bytes", written.bytes());
    detail.put("sha256", written.sha256());
    agent
        .store()
        .audit(
            new AuditEvent("quote-document", quoteId, jsonText(detail)),
            parent.context.clock().instant());
    (json ? err : out).printf("pdf: %s (%,d bytes)%n", pdf.get(), written.bytes());
  }

  private static Map<String, Object> auditDetail(
      dev.primer.protocol.edits.EditOperation op, OfflineQuotes.Priced priced) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("opId", op.opId());
    detail.put("seq", op.seq());
    detail.put("accountId", op.accountId());
    detail.put("total", priced.result().total().toPlainString());
    detail.put("currency", priced.result().currency());
    detail.put("basis", priced.basis().describe());
    return detail;
  }

  private static String jsonText(Map<String, Object> value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write an audit detail", e);
    }
  }

  @Override
  public Integer call() throws Exception {
    String checkedAccount = FieldEdits.account(account);
    QuoteItems items = QuoteItems.parse(adds, options);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Agent agent = Agent.open(home.home(), parent.context, err)) {
      OfflineQuotes.Engine engine;
      try {
        engine = OfflineQuotes.engineFor(agent.store(), checkedAccount);
      } catch (QuoteUnavailableException e) {
        err.println("agent quote: " + e.getMessage());
        return AgentCli.FAILURE;
      }
      QuoteRequest request =
          new QuoteRequest(checkedAccount, items.items(engine.engine().priceBook()));
      OfflineQuotes.Priced priced = engine.price(request);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("accountId", checkedAccount);
      answer.put("basis", priced.basis());
      answer.put("result", priced.result());
      if (!json) {
        QuoteText.print(out, checkedAccount, priced.basis(), priced.result());
      }
      if (!priced.result().valid() || dryRun) {
        if (priced.result().valid()) {
          writePdf(agent, priced, "DRAFT", out, err);
        }
        if (json) {
          answer.put("saved", false);
          out.println(JSON.writeValueAsString(answer));
        } else if (!priced.result().valid()) {
          out.println("not saved: fix the configuration and quote again");
        }
        out.flush();
        return priced.result().valid() ? AgentCli.OK : AgentCli.FAILURE;
      }
      Instant now = parent.context.clock().instant();
      String quoteId = FieldEdits.newRecordId(now);
      FieldEdits.Stamp stamp =
          FieldEdits.stamp(agent.config.userId(), now, EditUploader.clockOffset(agent.store()));
      OutboxEntry saved =
          agent
              .store()
              .appendAudited(
                  seq -> QuoteDrafts.operation(seq, stamp, quoteId, request, priced),
                  op -> new AuditEvent("quote", quoteId, jsonText(auditDetail(op, priced))),
                  now);
      if (json) {
        answer.put("saved", true);
        answer.put("quoteId", quoteId);
        answer.put("opId", saved.opId());
        answer.put("seq", saved.seq());
        out.println(JSON.writeValueAsString(answer));
      } else {
        out.printf(
            "queued %s (seq %d): quote %s for %s, total %s %s%n",
            saved.opId(),
            saved.seq(),
            quoteId,
            checkedAccount,
            priced.result().currency(),
            Amounts.money(priced.result().total()));
      }
      out.flush();
      // After the quote is saved: a document that cannot be made loses no quote.
      writePdf(agent, priced, quoteId, out, err);
      UploadNow.attempt(agent, offline, parent.context.clock(), err);
      return AgentCli.OK;
    } catch (ServiceException e) {
      throw Agent.stopIfRefused(home.home(), e, parent.context.clock());
    }
  }
}

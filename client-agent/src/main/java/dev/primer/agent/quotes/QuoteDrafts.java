package dev.primer.agent.quotes;

import dev.primer.agent.edits.FieldEdits;
import dev.primer.cpq.engine.Amounts;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.quotes.QuoteDraft;
import dev.primer.protocol.quotes.QuoteRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A priced quote as an outbox operation: the creation of a {@code quote} record under a device-made
 * id, whose fields say what a list of quotes shows, carrying the whole {@link QuoteDraft} for the
 * service to price again.
 */
public final class QuoteDrafts {
  /** The record type of a quote. */
  public static final String TYPE = "quote";

  private QuoteDrafts() {}

  /** The quote record's fields. */
  public static Map<String, String> fields(OfflineQuotes.Priced priced, Instant now) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(
        "name",
        "Quote "
            + priced.result().currency()
            + " "
            + Amounts.money(priced.result().total())
            + ", "
            + priced.result().lines().size()
            + " lines");
    fields.put("status", "draft");
    fields.put("total", priced.result().total().toPlainString());
    fields.put("currency", priced.result().currency());
    fields.put("lines", Integer.toString(priced.result().lines().size()));
    fields.put(
        "valid-until",
        now.atOffset(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(priced.engine().priceList().validDays())
            .toString());
    fields.put("priced-with", priced.basis().describe());
    return fields;
  }

  /** The operation for sequence number {@code seq}. */
  public static EditOperation operation(
      long seq,
      FieldEdits.Stamp stamp,
      String quoteId,
      QuoteRequest request,
      OfflineQuotes.Priced priced) {
    List<FieldChange> changes = new ArrayList<>();
    fields(priced, stamp.editedAt()).forEach((f, v) -> changes.add(new FieldChange(f, "", 0, v)));
    QuoteDraft draft =
        new QuoteDraft(request, priced.basis(), priced.result(), stamp.editedAt().toString());
    return new EditOperation(
        stamp.opId(),
        seq,
        EditOperation.QUOTE,
        quoteId,
        TYPE,
        request.accountId(),
        stamp.userId(),
        changes,
        "",
        stamp.editedAt().toString(),
        stamp.clockOffsetMillis(),
        "",
        draft);
  }
}

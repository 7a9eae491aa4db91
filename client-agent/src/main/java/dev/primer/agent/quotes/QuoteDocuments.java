package dev.primer.agent.quotes;

import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.StoredRecord;
import dev.primer.cpq.document.QuotePdf;
import dev.primer.cpq.document.QuoteSheet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/**
 * A priced quote as a PDF on the device: the account's newest quote template on the device, filled
 * with the quote ({@link QuotePdf}), written atomically.
 */
public final class QuoteDocuments {
  private static final String PROFILE_TITLE = "Account profile - ";

  private QuoteDocuments() {}

  /** A document written: its size and its SHA-256 (hex). */
  public record Written(long bytes, String sha256) {}

  /** Renders {@code priced} for {@code quoteId} to {@code file}. */
  public static Written write(
      LocalStore store,
      OfflineQuotes.Priced priced,
      String quoteId,
      String userId,
      LocalDate today,
      Path file) {
    String accountId = priced.engine().priceList().accountId();
    List<String> templates = store.recordIdsOf(accountId, "quote-template");
    if (templates.isEmpty()) {
      throw new QuoteUnavailableException(
          "no quote template of account " + accountId + " is on this device");
    }
    StoredRecord template =
        store
            .record(templates.get(0))
            .filter(r -> r.content().isPresent())
            .orElseThrow(
                () ->
                    new QuoteUnavailableException(
                        "the quote template " + templates.get(0) + " is not readable here"));
    String customer = customerName(store, accountId);
    QuoteSheet sheet =
        QuoteSheet.of(
            quoteId,
            today.toString(),
            today.plusDays(priced.engine().priceList().validDays()).toString(),
            new QuoteSheet.Party(accountId, customer),
            new QuoteSheet.Party(userId, userId),
            priced.result(),
            priced.basis(),
            priced.engine().priceList().paymentTerms());
    byte[] pdf =
        QuotePdf.render(
            new String(template.content().orElseThrow(), StandardCharsets.UTF_8),
            sheet,
            "Quote " + quoteId + " for " + customer);
    try {
      Path dir = file.toAbsolutePath().getParent();
      // Created 0600: a quote is the customer's business.
      Path temp = Files.createTempFile(dir, ".quote-", ".pdf.partial");
      try {
        Files.write(temp, pdf);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new QuoteUnavailableException("cannot write " + file + ": " + e.getMessage());
    }
    return new Written(pdf.length, dev.primer.agent.sync.RecordPreparer.sha256(pdf));
  }

  /** The account's name as its profile's title gives it, else its id. */
  static String customerName(LocalStore store, String accountId) {
    return store.recordIdsOf(accountId, "account-profile").stream()
        .findFirst()
        .flatMap(store::record)
        .map(StoredRecord::title)
        .map(t -> t.startsWith(PROFILE_TITLE) ? t.substring(PROFILE_TITLE.length()) : t)
        .filter(t -> !t.isBlank())
        .orElse(accountId);
  }
}

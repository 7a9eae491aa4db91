package dev.primer.service.edits;

import dev.primer.core.dataset.RecordType;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.service.storable.StorableInstant;
import dev.primer.service.storable.StorableText;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one check of an operation's own values, before anything is read or written: a bad operation
 * gets a rejected receipt saying what is wrong, and the operations behind it carry on.
 */
final class OperationCheck {
  /** Record ids a device makes for what it creates. */
  static final Pattern NEW_ID =
      Pattern.compile("new-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  static final int MAX_NOTE = 4_096;
  static final int MAX_CHANGES = 50;

  /** A device clock further off than this is a broken clock, not skew. */
  static final Duration MAX_OFFSET = Duration.ofDays(3650);

  private OperationCheck() {}

  /** Why {@code op} cannot be applied as it stands, if it cannot. */
  static Optional<String> problem(EditOperation op, String deviceUser) {
    try {
      UUID.fromString(op.opId());
    } catch (IllegalArgumentException e) {
      return Optional.of("opId must be a UUID, was '" + clip(op.opId()) + "'");
    }
    if (op.seq() < 1) {
      return Optional.of("seq must be 1 or more, was " + op.seq());
    }
    if (!op.userId().equals(deviceUser)) {
      return Optional.of(
          "the operation is for user '"
              + clip(op.userId())
              + "'; this device acts for '"
              + deviceUser
              + "'");
    }
    if (!EditOperation.UPDATE.equals(op.kind())
        && !EditOperation.CREATE.equals(op.kind())
        && !op.createsQuote()) {
      return Optional.of("kind must be update, create or quote, was '" + clip(op.kind()) + "'");
    }
    if (op.createsQuote() != op.quote().present()) {
      return Optional.of(
          op.createsQuote()
              ? "a quote operation needs its quote"
              : "only a quote operation carries a quote");
    }
    if (op.createsQuote()) {
      Optional<String> quote = QuoteCheck.problem(op);
      if (quote.isPresent()) {
        return quote;
      }
    }
    Optional<String> id = StorableText.problem(op.recordId(), StorableText.MAX_ID);
    if (op.recordId().isEmpty() || id.isPresent()) {
      return Optional.of("recordId " + id.orElse("is missing"));
    }
    if (op.isCreate()) {
      if (!NEW_ID.matcher(op.recordId()).matches()) {
        return Optional.of(
            "a created record's id must be new-<uuid>, was '" + clip(op.recordId()) + "'");
      }
      if (Arrays.stream(RecordType.values()).noneMatch(t -> t.wireName().equals(op.recordType()))) {
        return Optional.of("recordType '" + clip(op.recordType()) + "' is no record type");
      }
      Optional<String> account = StorableText.problem(op.accountId(), StorableText.MAX_ID);
      if (op.accountId().isEmpty() || account.isPresent()) {
        return Optional.of("accountId " + account.orElse("is missing"));
      }
    }
    if (op.changes().isEmpty()) {
      return Optional.of("an operation needs at least one change");
    }
    if (op.changes().size() > MAX_CHANGES) {
      return Optional.of(
          "at most " + MAX_CHANGES + " changes per operation, were " + op.changes().size());
    }
    Set<String> seen = new HashSet<>();
    for (FieldChange c : op.changes()) {
      if (!FieldNames.valid(c.field())) {
        return Optional.of(
            "field '" + clip(c.field()) + "' is no field name (a-z, 0-9 and -, up to 64)");
      }
      if (!seen.add(c.field())) {
        return Optional.of("field " + c.field() + " is changed twice in one operation");
      }
      for (String v : new String[] {c.base(), c.value()}) {
        Optional<String> bad = StorableText.problem(v, FieldNames.MAX_VALUE);
        if (bad.isPresent()) {
          return Optional.of("the value of " + c.field() + " " + bad.get());
        }
      }
      if (c.baseVersion() < 0) {
        return Optional.of("baseVersion of " + c.field() + " must be 0 or more");
      }
    }
    Optional<String> note = StorableText.problem(op.note(), MAX_NOTE);
    if (note.isPresent()) {
      return Optional.of("note " + note.get());
    }
    if (!op.resolves().isEmpty()) {
      try {
        UUID.fromString(op.resolves());
      } catch (IllegalArgumentException e) {
        return Optional.of("resolves must be an operation id, was '" + clip(op.resolves()) + "'");
      }
    }
    Optional<Instant> at = editedAt(op);
    if (at.isEmpty()) {
      return Optional.of("editedAt must be an ISO date-time, was '" + clip(op.editedAt()) + "'");
    }
    Optional<String> range = StorableInstant.problem(at.get());
    if (range.isPresent()) {
      return Optional.of("editedAt " + range.get());
    }
    if (Math.abs(op.clockOffsetMillis()) > MAX_OFFSET.toMillis()) {
      return Optional.of("clockOffsetMillis is more than ten years: the device clock is broken");
    }
    return Optional.empty();
  }

  /** The claimed edit time, if it parses (an instant, or a date-time with an offset). */
  static Optional<Instant> editedAt(EditOperation op) {
    try {
      return Optional.of(OffsetDateTime.parse(op.editedAt()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The effective edit time: the claimed time corrected by the measured offset, capped at the time
   * the operation arrived, since no clock may claim the future.
   */
  static Instant effective(EditOperation op, Instant arrived) {
    Instant corrected = editedAt(op).orElse(arrived).plusMillis(op.clockOffsetMillis());
    return corrected.isAfter(arrived) ? arrived : corrected;
  }

  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}

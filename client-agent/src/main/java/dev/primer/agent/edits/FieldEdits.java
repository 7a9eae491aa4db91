package dev.primer.agent.edits;

import dev.primer.agent.trust.ServerValues;
import dev.primer.protocol.edits.EditOperation;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.quotes.QuoteDraft;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of an edit the rep types ({@code --set field=value}), and the operations made from it:
 * each field's base is what the rep saw (the service's copy, or the rep's own value still on top,
 * resting on the service version the first of those rested on).
 */
public final class FieldEdits {
  /** A field name: what the service's field table accepts. */
  public static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /** A record type, as the service names them. */
  public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** The longest value, in UTF-8 bytes. */
  public static final int MAX_VALUE_BYTES = 4096;

  /** The longest note, in UTF-8 bytes. */
  public static final int MAX_NOTE_BYTES = 4096;

  private FieldEdits() {}

  /**
   * The fields and values of {@code --set} arguments in the order given; refused (an {@link
   * IllegalArgumentException} naming the bad argument) when there are none, one lacks {@code =},
   * names a bad field or a field twice, or a value is longer than 4 KiB.
   */
  public static Map<String, String> parse(List<String> sets) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("give at least one --set field=value");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "--set takes field=value, was " + ServerValues.quoted(set));
      }
      String field = set.substring(0, eq);
      String value = set.substring(eq + 1);
      if (!FIELD.matcher(field).matches()) {
        throw new IllegalArgumentException(
            "field names are [a-z][a-z0-9-]{0,63}, was " + ServerValues.quoted(field));
      }
      int bytes = value.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_VALUE_BYTES) {
        throw new IllegalArgumentException(
            "the value of " + field + " is " + bytes + " bytes, at most " + MAX_VALUE_BYTES);
      }
      if (out.put(field, value) != null) {
        throw new IllegalArgumentException("field " + field + " is set twice");
      }
    }
    return out;
  }

  /** Checks the rep's note: at most 4 KiB. */
  public static String note(Optional<String> note) {
    String n = note.orElse("");
    int bytes = n.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NOTE_BYTES) {
      throw new IllegalArgumentException(
          "the note is " + bytes + " bytes, at most " + MAX_NOTE_BYTES);
    }
    return n;
  }

  /** Who and when: the parts every operation of this device carries. */
  public record Stamp(String opId, String userId, Instant editedAt, long clockOffsetMillis) {}

  /** The stamp of an operation made now: a new UUID v7, the edit time by the device's clock. */
  public static Stamp stamp(String userId, Instant now, long clockOffsetMillis) {
    return new Stamp(Uuid7.at(now).toString(), userId, now, clockOffsetMillis);
  }

  /**
   * The changes of {@code sets} over {@code current} as the rep sees it; a field set to the value
   * it shows is no change (an operation for it would only make a conflict of nothing).
   */
  public static List<FieldChange> changes(EditedRecord current, Map<String, String> sets) {
    List<FieldChange> changes = new ArrayList<>();
    sets.forEach(
        (field, value) -> {
          Optional<EditedRecord.Field> shown = current.field(field);
          if (shown.map(EditedRecord.Field::value).orElse("").equals(value)) {
            return;
          }
          changes.add(
              new FieldChange(
                  field,
                  shown.map(EditedRecord.Field::value).orElse(""),
                  shown.map(EditedRecord.Field::baseVersion).orElse(0L),
                  value));
        });
    return changes;
  }

  /** An update of {@code recordId}. */
  public static EditOperation update(
      long seq,
      Stamp stamp,
      String recordId,
      List<FieldChange> changes,
      String note,
      String resolves) {
    return new EditOperation(
        stamp.opId(),
        seq,
        EditOperation.UPDATE,
        recordId,
        "",
        "",
        stamp.userId(),
        changes,
        note,
        stamp.editedAt().toString(),
        stamp.clockOffsetMillis(),
        resolves,
        QuoteDraft.NONE);
  }

  /** The creation of a record of {@code type} in {@code accountId}, under a device-made id. */
  public static EditOperation create(
      long seq,
      Stamp stamp,
      String recordId,
      String type,
      String accountId,
      Map<String, String> sets,
      String note) {
    List<FieldChange> changes = new ArrayList<>();
    sets.forEach((field, value) -> changes.add(new FieldChange(field, "", 0, value)));
    return new EditOperation(
        stamp.opId(),
        seq,
        EditOperation.CREATE,
        recordId,
        type,
        accountId,
        stamp.userId(),
        changes,
        note,
        stamp.editedAt().toString(),
        stamp.clockOffsetMillis(),
        "",
        QuoteDraft.NONE);
  }

  /** A device-made record id: {@code new-} and a UUID v7. */
  public static String newRecordId(Instant now) {
    return "new-" + Uuid7.at(now);
  }

  /** Checks a record type. */
  public static String type(String type) {
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "record types are [a-z][a-z0-9-]{0,39}, was " + ServerValues.quoted(type));
    }
    return type;
  }

  /** Checks an account id. */
  public static String account(String accountId) {
    if (!ServerValues.isId(accountId)) {
      throw new IllegalArgumentException(
          "account ids are 1-200 characters of [A-Za-z0-9._:@-], was "
              + ServerValues.quoted(accountId));
    }
    return accountId;
  }
}

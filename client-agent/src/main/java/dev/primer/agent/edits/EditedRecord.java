package dev.primer.agent.edits;

import dev.primer.agent.store.OutboxEntry;
import java.util.List;
import java.util.Optional;

/**
 * A record as the rep sees it: the service's copy of its fields with the rep's operations that are
 * still shown on top.
 *
 * @param recordId the record
 * @param type its type
 * @param accountId its account
 * @param title its title (for a record created here: its name field, else "new TYPE")
 * @param serviceVersion the record version of the service's copy; 0 for a record not yet fetched
 * @param createdHere whether the record was created on this device and the service has not yet sent
 *     it back
 * @param fields its fields, the rep's on top
 */
public record EditedRecord(
    String recordId,
    String type,
    String accountId,
    String title,
    long serviceVersion,
    boolean createdHere,
    List<Field> fields) {
  public EditedRecord {
    fields = List.copyOf(fields);
  }

  /**
   * One field as shown.
   *
   * @param name the field
   * @param value the value shown (the rep's when an operation is on top)
   * @param serviceValue the service's value as last fetched ("" when none)
   * @param serviceVersion the service's field version as last fetched (0 when none)
   * @param baseVersion the field version the rep's value rests on: of the first operation on top,
   *     else the service's
   * @param by the operation on top, if any (the latest)
   */
  public record Field(
      String name,
      String value,
      String serviceValue,
      long serviceVersion,
      long baseVersion,
      Optional<OutboxEntry> by) {}

  /** The field called {@code name}, if shown. */
  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** All the text of the record as shown, for a search of what the rep wrote. */
  public String text() {
    StringBuilder out = new StringBuilder(title);
    for (Field f : fields) {
      out.append(' ').append(f.value());
    }
    return out.toString();
  }
}

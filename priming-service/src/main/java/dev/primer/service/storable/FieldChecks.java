package dev.primer.service.storable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The storability checks of one value (an import line, a telemetry event, an enrolment), field by
 * field, before anything is written: each problem names its field.
 */
public final class FieldChecks {
  /** One field that cannot be stored, and why. */
  public record FieldProblem(String field, String message) {
    /** "field message", as a rejected line's reason says it. */
    public String describe() {
      return field + " " + message;
    }
  }

  private final List<FieldProblem> problems = new ArrayList<>();

  /** Checks a text of at most {@code max} characters; an absent value is the parser's business. */
  public FieldChecks text(String field, String value, int max) {
    if (value != null) {
      StorableText.problem(value, max).ifPresent(p -> problems.add(new FieldProblem(field, p)));
    }
    return this;
  }

  /** Checks each text of a list, and that the list has at most {@code maxItems} of them. */
  public FieldChecks texts(String field, List<String> values, int max, int maxItems) {
    if (values.size() > maxItems) {
      problems.add(
          new FieldProblem(
              field, "has " + values.size() + " items, more than the " + maxItems + " allowed"));
      return this;
    }
    for (int i = 0; i < values.size(); i++) {
      text(field + "[" + i + "]", values.get(i), max);
    }
    return this;
  }

  /** Checks a time. */
  public FieldChecks instant(String field, Instant value) {
    StorableInstant.problem(value).ifPresent(p -> problems.add(new FieldProblem(field, p)));
    return this;
  }

  /** Checks a time with an offset. */
  public FieldChecks instant(String field, OffsetDateTime value) {
    StorableInstant.problem(value).ifPresent(p -> problems.add(new FieldProblem(field, p)));
    return this;
  }

  /** Checks a record version. */
  public FieldChecks version(String field, long value) {
    StorableNumber.versionProblem(value).ifPresent(p -> problems.add(new FieldProblem(field, p)));
    return this;
  }

  /** Checks a size in bytes. */
  public FieldChecks size(String field, long value) {
    StorableNumber.sizeProblem(value).ifPresent(p -> problems.add(new FieldProblem(field, p)));
    return this;
  }

  /** Records a problem a caller found itself (a name that breaks a rule of its own). */
  public FieldChecks problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
    return this;
  }

  /** Every problem found, in the order the fields were checked. */
  public List<FieldProblem> problems() {
    return List.copyOf(problems);
  }

  /** The first problem as one line ("updatedAt must be within ..."), if any. */
  public Optional<String> first() {
    return problems.stream().findFirst().map(FieldProblem::describe);
  }
}

package dev.primer.service.edits.merge;

import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.MergePolicy;
import dev.primer.protocol.edits.Outcome;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The three-way merge of one field (ADR 0009): the device's base, the rep's value ("mine") and the
 * service's current value ("theirs"). Pure and deterministic: the same inputs always give the same
 * decision, whatever the machine or the time.
 */
public final class FieldMerge {
  /** The rule named when a reordered delivery meets a later write of the same device. */
  public static final String SUPERSEDED = "superseded";

  /** The rule named when the rep's value is the base they saw: they changed nothing there. */
  public static final String UNCHANGED = "unchanged";

  private FieldMerge() {}

  /** Decides {@code change} against {@code theirs} under {@code policy}. */
  public static FieldDecision decide(
      MergePolicy policy, FieldChange change, CurrentField theirs, EditContext op) {
    String mine = change.value();
    boolean merges = policy == MergePolicy.NUMERIC_DELTA || policy == MergePolicy.SET_UNION;
    if (!merges && theirs.deviceId().equals(op.deviceId()) && theirs.seq() > op.seq()) {
      // A later operation of the same device wrote the field first (a reordered delivery): the
      // later value stays, as in-order delivery would have left it.
      return new FieldDecision(Outcome.AUTO_RESOLVED, SUPERSEDED, theirs.value(), true, "");
    }
    if (mine.equals(change.base())) {
      // The rep left the field as they saw it (a resolve keeping theirs does so): whatever the
      // service holds now stays, and nothing is written, so no device refetches for it.
      Outcome kept = theirs.version() == change.baseVersion() ? Outcome.APPLIED : Outcome.MERGED;
      return new FieldDecision(kept, UNCHANGED, theirs.value(), false, "");
    }
    if (theirs.value().equals(change.base())) {
      // Nobody changed it, or it came back to what the device saw, or the rep's own earlier edit
      // (whose value this edit names as its base) has landed: nothing of anyone else's is lost.
      Outcome clean = theirs.version() == change.baseVersion() ? Outcome.APPLIED : Outcome.MERGED;
      return new FieldDecision(clean, "", mine, false, "");
    }
    if (theirs.version() == change.baseVersion()) {
      // Nobody wrote since the device looked; the base differs by the rep's own earlier edit, still
      // on its way (a reordered delivery). Counts and sets carry only this edit's difference, so
      // the earlier one adds its own when it lands; anything else takes the rep's latest value.
      return merges
          ? new FieldDecision(Outcome.MERGED, "", merged(policy, change, theirs), false, "")
          : new FieldDecision(Outcome.APPLIED, "", mine, false, "");
    }
    if (!merges && theirs.value().equals(mine)) {
      // Both wrote the same value: agreed, whatever the policy (a count or a set still merges).
      return new FieldDecision(Outcome.MERGED, "", mine, true, "");
    }
    return switch (policy) {
      case FIELD_REP_WINS -> resolved(policy, mine);
      case BACK_OFFICE_WINS -> resolved(policy, theirs.value());
      case LAST_WRITE -> resolved(policy, later(op, theirs) ? mine : theirs.value());
      case NUMERIC_DELTA -> numericDelta(change, theirs);
      case SET_UNION -> resolved(policy, merged(policy, change, theirs));
      case REVIEW -> review(theirs, "both changed the field");
    };
  }

  private static FieldDecision resolved(MergePolicy policy, String value) {
    return new FieldDecision(Outcome.AUTO_RESOLVED, policy.wireName(), value, true, "");
  }

  private static FieldDecision review(CurrentField theirs, String reason) {
    return new FieldDecision(
        Outcome.NEEDS_REVIEW, MergePolicy.REVIEW.wireName(), theirs.value(), true, reason);
  }

  /** Whether the operation is the later edit; equal times go to the higher operation id. */
  static boolean later(EditContext op, CurrentField theirs) {
    int byTime = op.effectiveAt().compareTo(theirs.changedAt());
    return byTime != 0 ? byTime > 0 : op.opId().compareTo(theirs.opId()) > 0;
  }

  private static FieldDecision numericDelta(FieldChange change, CurrentField theirs) {
    Optional<String> sum = delta(change, theirs);
    return sum.isPresent()
        ? resolved(MergePolicy.NUMERIC_DELTA, sum.get())
        : review(theirs, "numeric-delta needs numbers on every side");
  }

  /** Theirs with this edit's difference from its base: a count's delta or a set's changes. */
  private static String merged(MergePolicy policy, FieldChange change, CurrentField theirs) {
    return policy == MergePolicy.SET_UNION
        ? setUnion(change.base(), change.value(), theirs.value())
        : delta(change, theirs).orElse(change.value());
  }

  private static Optional<String> delta(FieldChange change, CurrentField theirs) {
    Optional<BigDecimal> base = number(change.base());
    Optional<BigDecimal> mine = number(change.value());
    Optional<BigDecimal> current = number(theirs.value());
    if (base.isEmpty() || mine.isEmpty() || current.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal sum = current.get().add(mine.get().subtract(base.get()));
    return Optional.of(sum.stripTrailingZeros().toPlainString());
  }

  /** A field's number; no value counts as 0. */
  private static Optional<BigDecimal> number(String s) {
    if (s.isBlank()) {
      return Optional.of(BigDecimal.ZERO);
    }
    try {
      return Optional.of(new BigDecimal(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The three-way merge of comma-separated sets: what either side added is in, what either side
   * removed is out; members sorted, blanks dropped.
   */
  static String setUnion(String base, String mine, String theirs) {
    TreeSet<String> b = members(base);
    TreeSet<String> m = members(mine);
    TreeSet<String> out = members(theirs);
    for (String added : m) {
      if (!b.contains(added)) {
        out.add(added);
      }
    }
    for (String removed : b) {
      if (!m.contains(removed)) {
        out.remove(removed);
      }
    }
    return String.join(",", out);
  }

  private static TreeSet<String> members(String set) {
    return Arrays.stream(set.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}

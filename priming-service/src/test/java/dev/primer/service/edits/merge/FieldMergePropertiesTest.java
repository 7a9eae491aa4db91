package dev.primer.service.edits.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.MergePolicy;
import dev.primer.protocol.edits.Outcome;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of the merge over generated edits: the orders in which concurrent operations arrive do
 * not change the end state where the policy promises it, and the service applies decisions as
 * {@link #apply} does.
 */
class FieldMergePropertiesTest {
  private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

  /** An operation on one field, from a device. */
  record Op(String device, long seq, String opId, long atSeconds, FieldChange change) {
    EditContext context() {
      return new EditContext(device, seq, opId, T0.plusSeconds(atSeconds));
    }
  }

  /** The service's write of a decision, as EditService does it: a new version when it changes. */
  static CurrentField apply(MergePolicy policy, CurrentField state, Op op) {
    FieldDecision d = FieldMerge.decide(policy, op.change(), state, op.context());
    if (!d.writes(state)) {
      return state;
    }
    return new CurrentField(
        d.value(),
        state.version() + 1,
        op.context().effectiveAt(),
        op.device(),
        op.seq(),
        op.opId());
  }

  static CurrentField start(String value) {
    return new CurrentField(value, 1, T0, "", 0, "");
  }

  @Property
  void twoConcurrentStockDecrementsEndTheSameInEitherOrderAndBothCount(
      @ForAll @LongRange(min = -1000, max = 1000) long base,
      @ForAll @IntRange(min = -50, max = 50) int a,
      @ForAll @IntRange(min = -50, max = 50) int b) {
    Op first = op("d1", 1, "o1", 10, "quantity", Long.toString(base), Long.toString(base + a));
    Op second = op("d2", 1, "o2", 20, "quantity", Long.toString(base), Long.toString(base + b));
    CurrentField s = start(Long.toString(base));
    String ab =
        apply(MergePolicy.NUMERIC_DELTA, apply(MergePolicy.NUMERIC_DELTA, s, first), second)
            .value();
    String ba =
        apply(MergePolicy.NUMERIC_DELTA, apply(MergePolicy.NUMERIC_DELTA, s, second), first)
            .value();
    assertThat(ab).isEqualTo(ba).isEqualTo(Long.toString(base + a + b));
  }

  @Property
  void twoConcurrentSetEditsEndTheSameInEitherOrder(
      @ForAll("sets") String base, @ForAll("sets") String mine, @ForAll("sets") String other) {
    Op first = op("d1", 1, "o1", 10, "tags", base, mine);
    Op second = op("d2", 1, "o2", 20, "tags", base, other);
    CurrentField s = start(canonical(base));
    String ab =
        apply(MergePolicy.SET_UNION, apply(MergePolicy.SET_UNION, s, first), second).value();
    String ba =
        apply(MergePolicy.SET_UNION, apply(MergePolicy.SET_UNION, s, second), first).value();
    assertThat(canonical(ab)).isEqualTo(canonical(ba));
  }

  @Property
  void underLastWriteTheLaterEditWinsInEitherOrder(
      @ForAll @IntRange(min = 0, max = 100) int atA,
      @ForAll @IntRange(min = 0, max = 100) int atB,
      @ForAll("newValues") String a,
      @ForAll("newValues") String b) {
    Op first = op("d1", 1, "o1", atA, "phone", "start", a);
    Op second = op("d2", 1, "o2", atB, "phone", "start", b);
    CurrentField s = start("start");
    String ab =
        apply(MergePolicy.LAST_WRITE, apply(MergePolicy.LAST_WRITE, s, first), second).value();
    String ba =
        apply(MergePolicy.LAST_WRITE, apply(MergePolicy.LAST_WRITE, s, second), first).value();
    assertThat(ab).isEqualTo(ba);
    // o2 wins a tie: the higher operation id
    assertThat(ab).isEqualTo(atB >= atA ? b : a);
  }

  @Property
  void aDevicesTwoEditsDeliveredOutOfOrderEndAsInOrder(
      @ForAll("orderedPolicies") MergePolicy policy,
      @ForAll @IntRange(min = -20, max = 20) int x,
      @ForAll @IntRange(min = -20, max = 20) int y) {
    String v0 = "100";
    String v1 = Integer.toString(100 + x);
    String v2 = Integer.toString(100 + x + y);
    // The second edit names the first's value as its base, with the service version the device saw.
    Op first = op("d1", 1, "o1", 10, "f", v0, v1);
    Op second = op("d1", 2, "o2", 20, "f", v1, v2);
    CurrentField s = start(v0);
    String inOrder = apply(policy, apply(policy, s, first), second).value();
    String reversed = apply(policy, apply(policy, s, second), first).value();
    assertThat(reversed).isEqualTo(inOrder).isEqualTo(v2);
  }

  @Property
  void theSameInputsAlwaysGiveTheSameDecision(
      @ForAll MergePolicy policy,
      @ForAll("values") String base,
      @ForAll("values") String mine,
      @ForAll("values") String theirs,
      @ForAll @LongRange(min = 0, max = 3) long baseVersion) {
    FieldChange change = new FieldChange("f", base, baseVersion, mine);
    CurrentField current = new CurrentField(theirs, 2, T0, "d9", 4, "o9");
    EditContext ctx = new EditContext("d1", 1, "o1", T0.plusSeconds(5));
    FieldDecision once = FieldMerge.decide(policy, change, current, ctx);
    assertThat(FieldMerge.decide(policy, change, current, ctx)).isEqualTo(once);
    if (base.equals(theirs)) {
      assertThat(once.outcome()).isIn(Outcome.APPLIED, Outcome.MERGED);
      assertThat(once.value()).isEqualTo(mine);
    }
  }

  @Provide
  Arbitrary<String> sets() {
    return Arbitraries.of("a", "b", "c", "d").list().ofMaxSize(4).map(l -> String.join(",", l));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of("", "1", "2", "x", "start", "10.5");
  }

  /** Values other than the starting one: writing the value a field holds changes nothing. */
  @Provide
  Arbitrary<String> newValues() {
    return Arbitraries.of("", "1", "2", "x", "10.5");
  }

  @Provide
  Arbitrary<MergePolicy> orderedPolicies() {
    return Arbitraries.of(
        List.of(
            MergePolicy.FIELD_REP_WINS,
            MergePolicy.LAST_WRITE,
            MergePolicy.NUMERIC_DELTA,
            MergePolicy.BACK_OFFICE_WINS));
  }

  private static Op op(
      String device, long seq, String opId, long at, String field, String base, String value) {
    return new Op(device, seq, opId, at, new FieldChange(field, base, 1, value));
  }

  private static String canonical(String set) {
    return FieldMerge.setUnion("", set, "");
  }
}

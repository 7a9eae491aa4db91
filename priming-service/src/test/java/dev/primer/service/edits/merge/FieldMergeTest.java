package dev.primer.service.edits.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.MergePolicy;
import dev.primer.protocol.edits.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FieldMergeTest {
  private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

  private static CurrentField theirs(String value, long version, Instant at, String device) {
    return new CurrentField(value, version, at, device, device.isEmpty() ? 0 : 5, "op-x");
  }

  private static EditContext op(Instant at) {
    return new EditContext("d1", 3, "op-3", at);
  }

  @Test
  void aFieldNobodyChangedSinceTheBaseTakesTheRepsValue() {
    FieldDecision d =
        FieldMerge.decide(
            MergePolicy.REVIEW,
            new FieldChange("phone", "1", 4, "2"),
            theirs("1", 4, T, ""),
            op(T));
    assertThat(d.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(d.value()).isEqualTo("2");
    assertThat(d.conflict()).isFalse();
  }

  @Test
  void aFieldTheRepLeftAsTheySawItKeepsTheOfficeChangeWithoutAReviewOrAWrite() {
    FieldDecision d =
        FieldMerge.decide(
            MergePolicy.REVIEW,
            new FieldChange("status", "done", 1, "done"),
            theirs("escalated", 2, T, ""),
            op(T));
    assertThat(d.outcome()).isEqualTo(Outcome.MERGED);
    assertThat(d.rule()).isEqualTo(FieldMerge.UNCHANGED);
    assertThat(d.value()).isEqualTo("escalated");
    assertThat(d.writes(theirs("escalated", 2, T, ""))).isFalse();
  }

  @Test
  void aLaterOfficeEditBeatsAnEarlierOfflineEditUnderLastWriteWhateverTheUploadOrder() {
    FieldDecision d =
        FieldMerge.decide(
            MergePolicy.LAST_WRITE,
            new FieldChange("phone", "1", 4, "rep"),
            theirs("office", 5, T.plusSeconds(3600), ""),
            op(T));
    assertThat(d.outcome()).isEqualTo(Outcome.AUTO_RESOLVED);
    assertThat(d.rule()).isEqualTo("last-write");
    assertThat(d.value()).isEqualTo("office");
  }

  @Test
  void twoDecrementsOfAStockCountBothApply() {
    FieldDecision d =
        FieldMerge.decide(
            MergePolicy.NUMERIC_DELTA,
            new FieldChange("quantity", "10", 1, "8"),
            theirs("7", 2, T, "d2"),
            op(T));
    assertThat(d.value()).isEqualTo("5");
    assertThat(d.rule()).isEqualTo("numeric-delta");
  }

  @Test
  void equalDecrementsFromTwoRepsAreTwoDecrementsNotOneAgreement() {
    FieldDecision d =
        FieldMerge.decide(
            MergePolicy.NUMERIC_DELTA,
            new FieldChange("quantity", "10", 1, "7"),
            theirs("7", 2, T, "d2"),
            op(T));
    assertThat(d.value()).isEqualTo("4");
  }

  @Test
  void aCountThatIsNoNumberGoesToReview() {
    FieldDecision d =
        FieldMerge.decide(
            MergePolicy.NUMERIC_DELTA,
            new FieldChange("quantity", "10", 1, "eight"),
            theirs("7", 2, T, "d2"),
            op(T));
    assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    assertThat(d.value()).isEqualTo("7");
  }

  @Test
  void setsKeepWhatEitherSideAddedAndDropWhatEitherRemoved() {
    assertThat(FieldMerge.setUnion("a,b,c", "a,b,d", "b,c,e")).isEqualTo("b,d,e");
    assertThat(FieldMerge.setUnion("", " x , y", "")).isEqualTo("x,y");
  }

  @Test
  void reviewKeepsTheirsAndSaysWhy() {
    FieldDecision d =
        FieldMerge.decide(
            MergePolicy.REVIEW,
            new FieldChange("status", "open", 1, "done"),
            theirs("escalated", 2, T, ""),
            op(T));
    assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    assertThat(d.value()).isEqualTo("escalated");
    assertThat(d.reason()).isEqualTo("both changed the field");
  }

  @Test
  void anOlderOperationOfTheSameDeviceArrivingLateIsSupersededByItsLaterOne() {
    FieldDecision d =
        FieldMerge.decide(
            MergePolicy.FIELD_REP_WINS,
            new FieldChange("notes", "", 0, "first"),
            new CurrentField("second", 1, T, "d1", 4, "op-4"),
            op(T));
    assertThat(d.outcome()).isEqualTo(Outcome.AUTO_RESOLVED);
    assertThat(d.rule()).isEqualTo(FieldMerge.SUPERSEDED);
    assertThat(d.value()).isEqualTo("second");
  }

  @Test
  void theRepsSecondEditNamingTheirFirstAsBaseIsClean() {
    FieldDecision d =
        FieldMerge.decide(
            MergePolicy.REVIEW,
            new FieldChange("status", "done", 1, "closed"),
            new CurrentField("done", 2, T, "d1", 2, "op-2"),
            op(T));
    assertThat(d.outcome()).isEqualTo(Outcome.MERGED);
    assertThat(d.value()).isEqualTo("closed");
  }
}

package dev.primer.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncPlanTest {
  private static ManifestEntry entry(String id, long size) {
    return new ManifestEntry(id, 1, size, "a".repeat(64), Tier.PREDICTED, 0.5, "", "note", "");
  }

  @Test
  void whatFitsTheBudgetComesInPriorityOrderAndSmallerEntriesAfterABigOneStillCome() {
    List<ManifestEntry> missing = List.of(entry("a", 40), entry("b", 100), entry("c", 50));

    SyncPlan plan = SyncPlan.choose(missing, 0, 100, 1_000, 0);

    assertThat(plan.entries()).extracting(ManifestEntry::recordId).containsExactly("a", "c");
    assertThat(plan.cut()).contains("device budget 100 B reached");
    assertThat(plan.bytes()).isEqualTo(90);
  }

  @Test
  void bytesAlreadyHeldCountAgainstTheBudget() {
    SyncPlan plan = SyncPlan.choose(List.of(entry("a", 40)), 70, 100, 1_000, 0);

    assertThat(plan.entries()).isEmpty();
    assertThat(plan.cut()).isPresent();
  }

  @Test
  void theDiskReserveStaysFree() {
    SyncPlan plan = SyncPlan.choose(List.of(entry("a", 41), entry("b", 10)), 0, 1_000, 100, 60);

    assertThat(plan.entries()).extracting(ManifestEntry::recordId).containsExactly("b");
    assertThat(plan.cut()).contains("free disk is low (keeping 60 B free)");
  }

  @Test
  void everythingFitsWithoutACut() {
    SyncPlan plan = SyncPlan.choose(List.of(entry("a", 1)), 0, 10, 10, 0);

    assertThat(plan.cut()).isEmpty();
  }

  @Test
  void batchesHoldAtMostTheirCountAndInlineBytesAndBlobsCountNoInlineBytes() {
    List<ManifestEntry> entries =
        List.of(
            entry("a", 30), entry("b", 30), entry("c", 30), entry("big", 1 << 20), entry("d", 5));

    List<List<ManifestEntry>> batches =
        new SyncPlan(entries, java.util.Optional.empty()).batches(3, 60);

    assertThat(batches)
        .extracting(b -> b.stream().map(ManifestEntry::recordId).toList())
        .containsExactly(List.of("a", "b"), List.of("c", "big", "d"));
  }
}

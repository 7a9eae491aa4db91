package dev.primer.testdata.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.DataSetInfo;
import dev.primer.core.dataset.Interaction;
import dev.primer.core.dataset.RecordType;
import dev.primer.core.dataset.User;
import dev.primer.core.dataset.UserRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationGeneratorTest {
  @TempDir Path tmp;

  @Test
  void sameSeedAndBehaviourGiveByteIdenticalOutput() throws IOException {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    new OrganisationGenerator(GeneratorSettings.of(Scale.SMALL, 42), false).generate(first);
    new OrganisationGenerator(GeneratorSettings.of(Scale.SMALL, 42), false).generate(second);

    List<Path> files = filesUnder(first);
    assertThat(files).hasSizeGreaterThan(20);
    assertThat(files).containsExactlyElementsOf(filesUnder(second));
    for (Path file : files) {
      assertThat(Files.mismatch(first.resolve(file), second.resolve(file)))
          .as("byte-identical %s", file)
          .isEqualTo(-1);
    }
  }

  @Test
  void differentSeedsGiveDifferentOrganisations() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    new OrganisationGenerator(GeneratorSettings.of(Scale.SMALL, 1), false).generate(a);
    new OrganisationGenerator(GeneratorSettings.of(Scale.SMALL, 2), false).generate(b);
    assertThat(Files.mismatch(a.resolve("accounts.jsonl"), b.resolve("accounts.jsonl")))
        .isNotEqualTo(-1);
    assertThat(Files.mismatch(a.resolve("interactions.jsonl"), b.resolve("interactions.jsonl")))
        .isNotEqualTo(-1);
  }

  @Test
  void smallScaleHasTheDocumentedSize() {
    SmallOrganisation small = SmallOrganisation.get();
    DataSetInfo info = small.info();
    assertDocumentedSize(info, small.dataSet(), Scale.SMALL);
    assertThat(info.days()).isEqualTo(60);
  }

  @Test
  void mediumScaleHasTheDocumentedSize() {
    DataSetDirectory medium = DataSetDirectory.create(tmp.resolve("medium"));
    DataSetInfo info =
        new OrganisationGenerator(GeneratorSettings.of(Scale.MEDIUM, 1), false)
            .generate(medium.root());
    assertDocumentedSize(info, DataSetDirectory.open(medium.root()), Scale.MEDIUM);
    assertThat(info.days()).isEqualTo(90);
  }

  private static void assertDocumentedSize(DataSetInfo info, DataSetDirectory dir, Scale scale) {
    Map<String, Long> counts = info.counts();
    assertThat(counts.get("users")).isEqualTo(scale.users());
    assertThat(counts.get("accounts")).isEqualTo(scale.accounts());
    assertThat(counts.get("calendars")).isEqualTo(scale.users());
    long expectedRecords = (long) scale.accounts() * scale.recordsPerAccount();
    assertThat(counts.get("records"))
        .isBetween(expectedRecords * 9 / 10, expectedRecords * 11 / 10);
    assertThat(dir.users()).hasSize(scale.users());
    assertThat(dir.accounts()).hasSize(scale.accounts());
    long[] records = {0};
    dir.forEachRecord(r -> records[0]++);
    assertThat(records[0]).isEqualTo(counts.get("records"));
    assertThat(counts.get("interactions")).isGreaterThan(scale.users() * (long) info.days() * 5);
  }

  @Test
  void repsWorkInAtLeastThreeTimeZonesWithBothRoles() {
    List<User> users = SmallOrganisation.get().dataSet().users();
    assertThat(users.stream().map(User::timezone).distinct().count()).isGreaterThanOrEqualTo(3);
    assertThat(users.stream().map(User::role).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(UserRole.SALES, UserRole.SERVICE);
    assertThat(users).allSatisfy(u -> assertThat(u.territoryIds()).isNotEmpty());
  }

  @Test
  void everyAccountHasRecordsOfItsKindsWithRealisticSizes() {
    List<CrmRecord> records = SmallOrganisation.get().dataSet().records();
    assertThat(records.stream().map(CrmRecord::type).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.complementOf(EnumSet.of(RecordType.QUOTE))); // quotes come from devices
    assertThat(median(records, RecordType.CONTACT)).isBetween(700L, 1_600L);
    assertThat(median(records, RecordType.SERVICE_HISTORY)).isBetween(6_000L, 14_000L);
    assertThat(records.stream().filter(r -> r.type() == RecordType.SCHEMATIC))
        .allSatisfy(r -> assertThat(r.sizeBytes()).isBetween(1_000_000L, 20_000_000L));
    Set<String> ids = records.stream().map(CrmRecord::id).collect(Collectors.toSet());
    assertThat(ids).hasSameSizeAs(records);
    assertThat(records.stream().flatMap(r -> r.relatedIds().stream())).allMatch(ids::contains);
    Instant start =
        SmallOrganisation.get()
            .info()
            .startDate()
            .atStartOfDay()
            .toInstant(java.time.ZoneOffset.UTC);
    assertThat(records).allSatisfy(r -> assertThat(r.updatedAt()).isBefore(start));
  }

  @Test
  void interactionsAreInTimeOrderInsideThePeriodAndReferToKnownUsersAndRecords() {
    SmallOrganisation small = SmallOrganisation.get();
    Set<String> users = small.dataSet().users().stream().map(User::id).collect(Collectors.toSet());
    Set<String> records = new HashSet<>();
    small.dataSet().forEachRecord(r -> records.add(r.id()));
    LocalDate start = small.info().startDate();
    LocalDate end = small.info().endDate();
    List<Interaction> interactions = new ArrayList<>();
    small.dataSet().forEachInteraction(interactions::add);

    assertThat(interactions).isNotEmpty();
    for (int i = 1; i < interactions.size(); i++) {
      assertThat(interactions.get(i).at().toInstant())
          .isAfterOrEqualTo(interactions.get(i - 1).at().toInstant());
    }
    assertThat(interactions)
        .allSatisfy(
            i -> {
              assertThat(users).contains(i.userId());
              assertThat(records).contains(i.recordId());
              assertThat(i.at().toLocalDate()).isBetween(start, end.minusDays(1));
            });
  }

  private static long median(List<CrmRecord> records, RecordType type) {
    List<Long> sizes =
        records.stream().filter(r -> r.type() == type).map(CrmRecord::sizeBytes).sorted().toList();
    return sizes.get(sizes.size() / 2);
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}

package dev.primer.testdata.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.Interaction;
import dev.primer.core.dataset.InteractionKind;
import dev.primer.core.dataset.User;
import dev.primer.testdata.calendar.Visit;
import dev.primer.testdata.calendar.VisitKind;
import dev.primer.testdata.generate.GeneratorSettings;
import dev.primer.testdata.generate.Scale;
import dev.primer.testdata.generate.SmallOrganisation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Turning a knob changes what the organisation does, and only that. */
class BehaviourKnobsTest {

  @Test
  void withoutUnplannedWorkHabitsLookupsOrPreparationEveryInteractionIsAtAnAccountVisitedThatDay() {
    ObjectNode tree = BehaviourLoader.defaultsTree();
    set(tree, "unplanned", "emergencyCallsPerDay", 0);
    set(tree, "unplanned", "dropInVisitsPerDay", 0);
    set(tree, "habits", "recordsPerUser", 0);
    set(tree, "lookups", "randomPerDay", 0);
    set(tree, "lookups", "teammatePerDay", 0);
    set(tree, "preparation", "dayBeforeShare", 0);
    set(tree, "preparation", "followUpRate", 0);
    SmallOrganisation org =
        SmallOrganisation.generate(GeneratorSettings.of(Scale.SMALL, 3).withBehaviour(tree));

    List<User> users = org.dataSet().users();
    Map<String, Set<String>> visitedAccountsByUserDay = new HashMap<>();
    List<String> accountIds = org.dataSet().accounts().stream().map(a -> a.id()).toList();
    for (Visit visit : org.visits()) {
      if (visit.happens()) {
        User user = users.get(visit.repIndex());
        LocalDate day = visit.start().atZone(user.timezone()).toLocalDate();
        visitedAccountsByUserDay
            .computeIfAbsent(user.id() + day, k -> new HashSet<>())
            .add(accountIds.get(visit.siteIndex()));
      }
    }
    Map<String, String> accountOfRecord = new HashMap<>();
    org.dataSet().forEachRecord((CrmRecord r) -> accountOfRecord.put(r.id(), r.accountId()));
    List<Interaction> interactions = new ArrayList<>();
    org.dataSet().forEachInteraction(interactions::add);

    assertThat(interactions).hasSizeGreaterThan(1000);
    assertThat(interactions)
        .allSatisfy(
            i ->
                assertThat(
                        visitedAccountsByUserDay.getOrDefault(
                            i.userId() + i.at().toLocalDate(), Set.of()))
                    .contains(accountOfRecord.get(i.recordId())));
    assertThat(org.visits())
        .noneMatch(v -> v.kind() == VisitKind.EMERGENCY || v.kind() == VisitKind.DROP_IN);
  }

  @Test
  void theDefaultOrganisationDoesWorkOutsideItsVisits() {
    SmallOrganisation org = SmallOrganisation.get();
    assertThat(org.visits()).anyMatch(v -> v.kind() == VisitKind.EMERGENCY);
    assertThat(org.visits()).anyMatch(v -> v.kind() == VisitKind.DROP_IN);
    assertThat(org.visits()).anyMatch(v -> v.kind() == VisitKind.COVER);
    assertThat(org.visits()).anyMatch(v -> v.cancelledAt().isPresent());
    assertThat(org.visits()).anyMatch(v -> v.movedAt().isPresent());
    assertThat(org.visits()).anyMatch(Visit::noShow);
    List<Interaction> interactions = new ArrayList<>();
    org.dataSet().forEachInteraction(interactions::add);
    assertThat(interactions).anyMatch(i -> i.kind() == InteractionKind.SEARCH_MISS);
    assertThat(interactions).anyMatch(i -> i.kind() == InteractionKind.EDIT);
  }

  @Test
  void withFullTerritoryShareEveryPlannedVisitIsInsideTheRepsTerritory() {
    ObjectNode tree = BehaviourLoader.defaultsTree();
    set(tree, "territories", "inTerritoryVisitShare", 1.0);
    SmallOrganisation org =
        SmallOrganisation.generate(GeneratorSettings.of(Scale.SMALL, 5).withBehaviour(tree));
    List<User> users = org.dataSet().users();
    List<String> owners = org.dataSet().accounts().stream().map(a -> a.ownerId()).toList();
    long sales =
        org.visits().stream()
            .filter(v -> v.kind() == VisitKind.RECURRING || v.kind() == VisitKind.ONE_OFF)
            .filter(v -> users.get(v.repIndex()).role() == dev.primer.core.dataset.UserRole.SALES)
            .count();
    long salesAtOwnAccounts =
        org.visits().stream()
            .filter(v -> v.kind() == VisitKind.RECURRING || v.kind() == VisitKind.ONE_OFF)
            .filter(v -> users.get(v.repIndex()).role() == dev.primer.core.dataset.UserRole.SALES)
            .filter(v -> owners.get(v.siteIndex()).equals(users.get(v.repIndex()).id()))
            .count();
    // Key accounts owned from elsewhere aside, a sales rep visits only the accounts they own.
    assertThat(salesAtOwnAccounts).isGreaterThan(sales * 95 / 100);
  }

  @Test
  void withoutSearchMissesNoLookupIsRecordedAsAMiss() {
    ObjectNode tree = BehaviourLoader.defaultsTree();
    set(tree, "lookups", "searchMissShare", 0.0);
    SmallOrganisation org =
        SmallOrganisation.generate(
            GeneratorSettings.of(Scale.SMALL, 9).withBehaviour(tree).withDays(14));
    List<Interaction> interactions = new ArrayList<>();
    org.dataSet().forEachInteraction(interactions::add);
    assertThat(interactions).isNotEmpty().noneMatch(i -> i.kind() == InteractionKind.SEARCH_MISS);
  }

  private static void set(ObjectNode tree, String section, String key, double value) {
    ((ObjectNode) tree.get(section)).put(key, value);
  }
}

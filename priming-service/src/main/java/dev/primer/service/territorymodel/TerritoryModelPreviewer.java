package dev.primer.service.territorymodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.core.catalog.Catalog;
import dev.primer.protocol.admin.TerritoryModelPreview;
import dev.primer.protocol.admin.TerritoryModelPreview.RepChange;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.selection.SelectionService;
import dev.primer.service.selection.SelectorChoice;
import dev.primer.service.selection.UserSelection;
import dev.primer.service.snapshot.OrgSnapshot;
import dev.primer.service.snapshot.SnapshotLoader;
import dev.primer.service.snapshot.Snapshots;
import dev.primer.territory.Territory;
import dev.primer.territory.geojson.TerritoryGeoJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What activating a draft would change, computed by the service's own selection (the active scoring
 * model, or the fallback baseline) over the live organisation and over the same organisation with
 * the draft's territories: per rep whose territories would hold other accounts, the accounts,
 * records and bytes gained and lost, and the hit rate over the last days.
 */
@ApplicationScoped
public class TerritoryModelPreviewer {
  private static final int LISTED = 50;

  private final TerritoryModels models;
  private final Snapshots snapshots;
  private final SnapshotLoader loader;
  private final SelectionService selections;
  private final ObjectMapper json;

  TerritoryModelPreviewer(
      TerritoryModels models,
      Snapshots snapshots,
      SnapshotLoader loader,
      SelectionService selections,
      ObjectMapper json) {
    this.models = models;
    this.snapshots = snapshots;
    this.loader = loader;
    this.selections = selections;
    this.json = json;
  }

  /** The preview of model {@code modelId} for devices of {@code budget} bytes. */
  public TerritoryModelPreview preview(String modelId, long budget, int days) {
    long t0 = System.nanoTime();
    TerritoryModels.Contents contents = models.contents(modelId);
    ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = collection.putArray("features");
    contents.features().values().forEach(features::add);
    List<Territory> territories = TerritoryGeoJson.read(collection.toString()).territories();
    OrgSnapshot live = snapshots.refreshIfChanged();
    OrgSnapshot draft = loader.withTerritories(live, territories, contents.assignments());
    SelectorChoice choice = selections.choice();
    Catalog was = live.catalog();
    Catalog will = draft.catalog();
    List<RepChange> reps =
        IntStream.range(0, was.userCount())
            .filter(
                u ->
                    !Arrays.equals(was.accountsInTerritoriesOf(u), will.accountsInTerritoriesOf(u)))
            .parallel()
            .mapToObj(u -> change(live, draft, u, budget, days, choice))
            .toList();
    LocalDate day = was.userCount() == 0 ? LocalDate.now() : selections.dayFor(live, 0);
    return new TerritoryModelPreview(
        modelId,
        day.toString(),
        budget,
        days,
        choice.name(),
        reps,
        (System.nanoTime() - t0) / 1_000_000);
  }

  private RepChange change(
      OrgSnapshot live, OrgSnapshot draft, int u, long budget, int days, SelectorChoice choice) {
    Catalog was = live.catalog();
    Set<Integer> before = set(was.accountsInTerritoriesOf(u));
    Set<Integer> after = set(draft.catalog().accountsInTerritoriesOf(u));
    List<String> gained = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    after.stream()
        .filter(a -> !before.contains(a))
        .sorted()
        .forEach(a -> gained.add(was.account(a).id()));
    before.stream()
        .filter(a -> !after.contains(a))
        .sorted()
        .forEach(a -> lost.add(was.account(a).id()));

    LocalDate day = selections.dayFor(live, u);
    Map<String, Long> now = sizes(selections.compute(live, u, day, List.of(budget), choice).get(0));
    Map<String, Long> next =
        sizes(selections.compute(draft, u, day, List.of(budget), choice).get(0));
    int recordsGained = 0;
    int recordsLost = 0;
    long bytesGained = 0;
    long bytesLost = 0;
    for (Map.Entry<String, Long> e : next.entrySet()) {
      if (!now.containsKey(e.getKey())) {
        recordsGained++;
        bytesGained += e.getValue();
      }
    }
    for (Map.Entry<String, Long> e : now.entrySet()) {
      if (!next.containsKey(e.getKey())) {
        recordsLost++;
        bytesLost += e.getValue();
      }
    }

    ZoneId zone = was.user(u).timezone();
    long touched = 0;
    long hitsBefore = 0;
    long hitsAfter = 0;
    for (LocalDate d = day.minusDays(days); d.isBefore(day); d = d.plusDays(1)) {
      int[] truth =
          live.history()
              .touched(
                  u,
                  d.atStartOfDay(zone).toInstant(),
                  d.plusDays(1).atStartOfDay(zone).toInstant());
      if (truth.length == 0) {
        continue;
      }
      Set<String> held =
          sizes(selections.compute(live, u, d, List.of(budget), choice).get(0)).keySet();
      Set<String> heldAfter =
          sizes(selections.compute(draft, u, d, List.of(budget), choice).get(0)).keySet();
      for (int r : truth) {
        String id = was.record(r).id();
        touched++;
        hitsBefore += held.contains(id) ? 1 : 0;
        hitsAfter += heldAfter.contains(id) ? 1 : 0;
      }
    }
    return new RepChange(
        was.user(u).id(),
        was.user(u).name(),
        gained.subList(0, Math.min(LISTED, gained.size())),
        lost.subList(0, Math.min(LISTED, lost.size())),
        gained.size(),
        lost.size(),
        recordsGained,
        recordsLost,
        bytesGained,
        bytesLost,
        touched == 0 ? -1 : (double) hitsBefore / touched,
        touched == 0 ? -1 : (double) hitsAfter / touched);
  }

  private static Map<String, Long> sizes(UserSelection selection) {
    Map<String, Long> out = new HashMap<>();
    for (ManifestEntry e : selection.entries()) {
      out.put(e.recordId(), e.sizeBytes());
    }
    return out;
  }

  private static Set<Integer> set(int[] values) {
    Set<Integer> out = new HashSet<>();
    for (int v : values) {
      out.add(v);
    }
    return out;
  }
}

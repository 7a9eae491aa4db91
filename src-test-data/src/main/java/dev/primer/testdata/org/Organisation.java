package dev.primer.testdata.org;

import dev.primer.testdata.geo.TerritoryPlanner.MetroLayout;
import dev.primer.testdata.geo.TerritoryPlanner.PlannedTerritory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The planned organisation: metros, territories, reps, customer sites and their machines. */
public final class Organisation {
  private final List<MetroLayout> layouts;
  private final List<Rep> reps;
  private final List<Site> sites;
  private final List<EquipmentModel> equipment;
  private final int sitesOutsideTerritories;
  private final int sitesOwnedElsewhere;
  private final List<List<Integer>> sitesByMetro = new ArrayList<>();
  private final List<List<Integer>> repsByMetro = new ArrayList<>();
  private final Map<String, List<Integer>> sitesByTerritory = new HashMap<>();

  Organisation(
      List<MetroLayout> layouts,
      List<Rep> reps,
      List<Site> sites,
      List<EquipmentModel> equipment,
      int sitesOutsideTerritories,
      int sitesOwnedElsewhere) {
    this.layouts = List.copyOf(layouts);
    this.reps = List.copyOf(reps);
    this.sites = List.copyOf(sites);
    this.equipment = List.copyOf(equipment);
    this.sitesOutsideTerritories = sitesOutsideTerritories;
    this.sitesOwnedElsewhere = sitesOwnedElsewhere;
    for (int m = 0; m < layouts.size(); m++) {
      sitesByMetro.add(new ArrayList<>());
      repsByMetro.add(new ArrayList<>());
    }
    for (Site site : sites) {
      sitesByMetro.get(site.metroIndex()).add(site.index());
      for (String t : site.territoryIds()) {
        sitesByTerritory.computeIfAbsent(t, k -> new ArrayList<>()).add(site.index());
      }
    }
    for (Rep rep : reps) {
      repsByMetro.get(rep.metroIndex()).add(rep.index());
    }
  }

  public List<MetroLayout> layouts() {
    return layouts;
  }

  public List<PlannedTerritory> territories() {
    return layouts.stream().flatMap(l -> l.list().stream()).toList();
  }

  public List<Rep> reps() {
    return reps;
  }

  public Rep rep(int index) {
    return reps.get(index);
  }

  public List<Site> sites() {
    return sites;
  }

  public Site site(int index) {
    return sites.get(index);
  }

  public List<EquipmentModel> equipment() {
    return equipment;
  }

  public List<Integer> sitesInMetro(int metro) {
    return sitesByMetro.get(metro);
  }

  public List<Integer> repsInMetro(int metro) {
    return repsByMetro.get(metro);
  }

  /** The sites inside any territory the rep holds. */
  public List<Integer> sitesOf(Rep rep) {
    Set<Integer> out = new LinkedHashSet<>();
    for (String t : rep.user().territoryIds()) {
      out.addAll(sitesByTerritory.getOrDefault(t, List.of()));
    }
    return List.copyOf(out);
  }

  /** Accounts deliberately placed outside every territory. */
  public int sitesOutsideTerritories() {
    return sitesOutsideTerritories;
  }

  /** Accounts owned by a rep whose territories do not contain them. */
  public int sitesOwnedElsewhere() {
    return sitesOwnedElsewhere;
  }
}

package dev.primer.testdata.org;

import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.User;
import dev.primer.core.dataset.UserRole;
import dev.primer.territory.GeoPoint;
import dev.primer.territory.index.TerritoryIndex;
import dev.primer.testdata.behaviour.Behaviour;
import dev.primer.testdata.generate.Names;
import dev.primer.testdata.generate.Rng;
import dev.primer.testdata.generate.Scale;
import dev.primer.testdata.geo.LocalProjection;
import dev.primer.testdata.geo.Metro;
import dev.primer.testdata.geo.TerritoryPlanner;
import dev.primer.testdata.geo.TerritoryPlanner.MetroLayout;
import dev.primer.testdata.geo.TerritoryPlanner.PlannedTerritory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Lays out the organisation: territories per metro, the reps who hold them, their customers. */
public final class OrganisationPlanner {
  /** Share of a metro's reps who sell; the others are service technicians. */
  private static final double SALES_SHARE = 0.52;

  private static final int EQUIPMENT_MODELS = 250;
  private static final String STAFF_DOMAIN = "fieldteam.example";

  private final Scale scale;
  private final Behaviour behaviour;
  private final long seed;
  private final GeometryFactory geometry = new GeometryFactory();

  public OrganisationPlanner(Scale scale, Behaviour behaviour, long seed) {
    this.scale = scale;
    this.behaviour = behaviour;
    this.seed = seed;
  }

  public Organisation plan() {
    List<EquipmentModel> equipment = equipmentCatalogue();
    List<MetroLayout> layouts = new ArrayList<>();
    List<Rep> reps = new ArrayList<>();
    List<Site> sites = new ArrayList<>();
    int outside = 0;
    int elsewhere = 0;
    int territoryNumber = 1;
    Set<String> usedNames = new HashSet<>();
    Map<String, Integer> domains = new HashMap<>();
    for (int m = 0; m < scale.metros(); m++) {
      Metro metro = Metro.ALL.get(m);
      int users = share(scale.users(), m);
      int salesCount = Math.max(1, (int) Math.round(users * SALES_SHARE));
      int serviceCount = Math.max(1, users - salesCount);
      MetroLayout layout =
          new TerritoryPlanner()
              .plan(metro, salesCount, territoryNumber, behaviour.territories(), seed);
      territoryNumber += salesCount;
      layouts.add(layout);

      List<Rep> metroReps = reps(layout, m, salesCount, serviceCount, reps.size(), usedNames);
      reps.addAll(metroReps);
      SitePlacement placement =
          new SitePlacement(layout, m, metroReps, equipment.size(), domains, sites.size());
      sites.addAll(placement.place(share(scale.accounts(), m)));
      outside += placement.outside;
      elsewhere += placement.elsewhere;
    }
    return new Organisation(layouts, reps, sites, equipment, outside, elsewhere);
  }

  /** Splits {@code total} across the metros as evenly as whole numbers allow. */
  private int share(int total, int metro) {
    int base = total / scale.metros();
    return base + (metro < total % scale.metros() ? 1 : 0);
  }

  private List<EquipmentModel> equipmentCatalogue() {
    Rng rng = Rng.of(seed, "equipment", 0);
    List<EquipmentModel> models = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (models.size() < EQUIPMENT_MODELS) {
      String kind = rng.pick(Names.EQUIPMENT_KINDS);
      String code =
          kind.substring(0, 1).toUpperCase(Locale.ROOT)
              + (char) ('A' + rng.below(26))
              + "-"
              + (100 + rng.below(90) * 10);
      String name = kind + " " + code;
      if (!names.add(name)) {
        continue;
      }
      // Schematics are heavy-tailed: most a few MB, a few up to 20 MB.
      double pareto = Math.pow(1 - rng.uniform(), -1 / 1.3);
      long bytes = (long) Math.min(20_000_000, 1_000_000 * pareto);
      models.add(new EquipmentModel(models.size(), name, (char) ('A' + rng.below(6)), bytes));
    }
    return models;
  }

  private List<Rep> reps(
      MetroLayout layout,
      int metroIndex,
      int salesCount,
      int serviceCount,
      int firstIndex,
      Set<String> usedNames) {
    Rng rng = Rng.of(seed, "reps/" + layout.metro().slug(), 0);
    List<PlannedTerritory> territories = layout.list();
    List<List<String>> held = new ArrayList<>();
    for (int i = 0; i < salesCount; i++) {
      held.add(List.of(territories.get(i).id()));
    }
    // Each technician starts with one territory; leftovers go to the tech holding the nearest one.
    List<List<String>> techHeld = new ArrayList<>();
    List<Coordinate> techSeeds = new ArrayList<>();
    for (int i = 0; i < serviceCount; i++) {
      techHeld.add(new ArrayList<>());
    }
    for (int t = 0; t < territories.size(); t++) {
      int tech;
      if (t < serviceCount) {
        tech = t;
        techSeeds.add(territories.get(t).seedKm());
      } else {
        tech = nearest(techSeeds, territories.get(t).seedKm());
      }
      techHeld.get(tech).add(territories.get(t).id());
    }
    for (int i = 0; i < serviceCount; i++) {
      if (techHeld.get(i).isEmpty()) {
        techHeld.get(i).add(territories.get(rng.below(territories.size())).id());
      }
      held.add(List.copyOf(techHeld.get(i)));
    }

    List<Rep> reps = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      UserRole role = i < salesCount ? UserRole.SALES : UserRole.SERVICE;
      String first = rng.pick(Names.FIRST);
      String last = rng.pick(Names.LAST);
      String mailbox = (first + "." + last).toLowerCase(Locale.ROOT);
      for (int n = 2; !usedNames.add(mailbox); n++) {
        mailbox = (first + "." + last).toLowerCase(Locale.ROOT) + n;
      }
      int index = firstIndex + i;
      PlannedTerritory home = byId(territories, held.get(i).get(0));
      GeoPoint homePoint = homeNear(layout.projection(), home, rng);
      User user =
          new User(
              String.format("u%04d", index + 1),
              first + " " + last,
              mailbox + "@" + STAFF_DOMAIN,
              layout.metro().zone(),
              homePoint,
              held.get(i),
              layout.metro().slug(),
              role);
      CalendarStyle style = rng.chance(0.55) ? CalendarStyle.GOOGLE : CalendarStyle.OUTLOOK;
      reps.add(new Rep(index, user, metroIndex, style, first));
    }
    return reps;
  }

  /** Reps live near the middle of their first territory. */
  private GeoPoint homeNear(LocalProjection projection, PlannedTerritory territory, Rng rng) {
    Coordinate c = territory.km().getInteriorPoint().getCoordinate();
    for (int attempt = 0; attempt < 20; attempt++) {
      double x = c.x + rng.gaussian() * 3;
      double y = c.y + rng.gaussian() * 3;
      if (territory.km().contains(geometry.createPoint(new Coordinate(x, y)))) {
        return projection.toGeo(x, y);
      }
    }
    return projection.toGeo(c.x, c.y);
  }

  private static PlannedTerritory byId(List<PlannedTerritory> territories, String id) {
    return territories.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private static int nearest(List<Coordinate> points, Coordinate c) {
    int best = 0;
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).distance(c) < points.get(best).distance(c)) {
        best = i;
      }
    }
    return best;
  }

  /** Places one metro's customer sites in clusters (industrial parks) and gives them owners. */
  private final class SitePlacement {
    private final MetroLayout layout;
    private final int metroIndex;
    private final List<Rep> salesReps;
    private final int equipmentModels;
    private final Map<String, Integer> domains;
    private final int firstIndex;
    private final TerritoryIndex index;
    private final Map<String, Rep> salesRepByTerritory = new HashMap<>();
    private final Rng rng;
    int outside;
    int elsewhere;

    SitePlacement(
        MetroLayout layout,
        int metroIndex,
        List<Rep> metroReps,
        int equipmentModels,
        Map<String, Integer> domains,
        int firstIndex) {
      this.layout = layout;
      this.metroIndex = metroIndex;
      this.salesReps = metroReps.stream().filter(r -> r.user().role() == UserRole.SALES).toList();
      this.equipmentModels = equipmentModels;
      this.domains = domains;
      this.firstIndex = firstIndex;
      this.rng = Rng.of(seed, "sites/" + layout.metro().slug(), 0);
      this.index =
          TerritoryIndex.of(layout.list().stream().map(PlannedTerritory::territory).toList());
      for (Rep rep : salesReps) {
        salesRepByTerritory.put(rep.user().territoryIds().get(0), rep);
      }
    }

    List<Site> place(int count) {
      double radius = layout.metro().radiusKm();
      int clusterCount = Math.max(3, count / 30);
      List<double[]> clusters = new ArrayList<>();
      while (clusters.size() < clusterCount) {
        double x = rng.uniform(-radius, radius);
        double y = rng.uniform(-radius, radius);
        if (layout.boundaryKm().contains(geometry.createPoint(new Coordinate(x, y)))) {
          clusters.add(new double[] {x, y, rng.uniform(1.5, 6)});
        }
      }
      int outsideTarget =
          (int) Math.round(count * behaviour.territories().accountsOutsideTerritories());
      int elsewhereTarget =
          (int) Math.round(count * behaviour.territories().accountsOwnedElsewhere());
      List<Site> sites = new ArrayList<>();
      List<Brand> brands = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        boolean placeOutside =
            i % Math.max(1, count / Math.max(1, outsideTarget)) == 0 && outside < outsideTarget;
        GeoPoint position;
        List<String> territoryIds;
        if (placeOutside) {
          position = outsidePoint(radius);
          territoryIds = List.of();
          outside++;
        } else {
          do {
            position = insidePoint(clusters, radius);
            territoryIds = containing(position);
          } while (territoryIds.isEmpty());
        }
        Rep owner;
        if (territoryIds.isEmpty()) {
          owner = nearestSalesRep(position);
        } else if (elsewhere < elsewhereTarget
            && rng.chance(2.0 * elsewhereTarget / count)
            && salesReps.size() > 1) {
          do {
            owner = rng.pick(salesReps);
          } while (territoryIds.contains(owner.user().territoryIds().get(0)));
          elsewhere++;
        } else {
          // Every territory has its sales rep.
          owner =
              Objects.requireNonNull(
                  salesRepByTerritory.get(territoryIds.get(rng.below(territoryIds.size()))));
        }
        sites.add(site(firstIndex + i, position, territoryIds, owner, brands));
      }
      return sites;
    }

    private Site site(
        int index, GeoPoint position, List<String> territoryIds, Rep owner, List<Brand> brands) {
      String town = rng.pick(layout.metro().towns());
      Brand brand;
      String name;
      if (!brands.isEmpty() && rng.chance(0.08)) {
        // A second site of a customer already served here: same email domain, town in the name.
        brand = rng.pick(brands);
        name = brand.name() + " - " + town;
      } else {
        brand = newBrand();
        brands.add(brand);
        name = brand.name();
      }
      String address =
          (100 + rng.below(9900))
              + " "
              + rng.pick(Names.STREETS)
              + " "
              + rng.pick(Names.STREET_TYPES)
              + ", "
              + town;
      Account account =
          new Account(
              String.format("a%06d", index + 1),
              name,
              brand.domain(),
              address,
              position,
              owner.user().id());
      int machines = rng.poisson(1.8);
      List<Integer> installed = new ArrayList<>();
      for (int k = 0; k < machines; k++) {
        installed.add(rng.below(equipmentModels));
      }
      return new Site(
          index,
          account,
          metroIndex,
          town,
          rng.lognormalMeanOne(0.9),
          territoryIds,
          List.copyOf(installed));
    }

    private Brand newBrand() {
      String prefix = rng.pick(Names.BRAND_PREFIX);
      String noun = rng.pick(Names.BRAND_NOUN);
      String suffix = rng.pick(Names.BRAND_SUFFIX);
      String slug = (prefix + noun).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      int n = domains.merge(slug, 1, Integer::sum);
      String domain = slug + (n > 1 ? Integer.toString(n) : "") + ".com";
      return new Brand(prefix + " " + noun + suffix + (n > 1 ? " " + roman(n) : ""), domain);
    }

    private GeoPoint insidePoint(List<double[]> clusters, double radius) {
      if (rng.chance(0.25)) {
        return layout
            .projection()
            .toGeo(rng.uniform(-radius, radius), rng.uniform(-radius, radius));
      }
      double[] c = clusters.get(rng.below(clusters.size()));
      return layout.projection().toGeo(c[0] + rng.gaussian() * c[2], c[1] + rng.gaussian() * c[2]);
    }

    private GeoPoint outsidePoint(double radius) {
      while (true) {
        double angle = rng.uniform(0, 2 * Math.PI);
        double r = radius * rng.uniform(1.3, 1.6);
        GeoPoint p = layout.projection().toGeo(r * Math.cos(angle), r * Math.sin(angle));
        if (containing(p).isEmpty()) {
          return p;
        }
      }
    }

    private List<String> containing(GeoPoint p) {
      return index.assign(p);
    }

    private Rep nearestSalesRep(GeoPoint p) {
      Coordinate c = layout.projection().toKm(p);
      Rep best = salesReps.get(0);
      double bestDistance = Double.MAX_VALUE;
      for (Rep rep : salesReps) {
        PlannedTerritory t = byId(layout.list(), rep.user().territoryIds().get(0));
        double d = t.km().distance(geometry.createPoint(c));
        if (d < bestDistance) {
          bestDistance = d;
          best = rep;
        }
      }
      return best;
    }
  }

  private record Brand(String name, String domain) {}

  private static String roman(int n) {
    String[] numerals = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    return n < numerals.length ? numerals[n] : Integer.toString(n);
  }
}

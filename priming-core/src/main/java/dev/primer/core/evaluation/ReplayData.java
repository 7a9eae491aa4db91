package dev.primer.core.evaluation;

import dev.primer.core.appointments.AppointmentSource;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.DataSetInfo;
import dev.primer.core.dataset.Interaction;
import dev.primer.core.history.InteractionHistory;
import dev.primer.core.visibility.Visibility;
import dev.primer.core.visibility.VisibilityRules;
import dev.primer.territory.geojson.GeoJsonReadResult;
import dev.primer.territory.geojson.TerritoryGeoJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A data set loaded for replay: the catalog, every interaction in time order, the records each user
 * touched on each of their days (the answer key), and where appointments come from.
 */
public final class ReplayData {
  private final DataSetInfo info;
  private final Catalog catalog;
  private final AppointmentSource appointments;
  private final Visibility visibility;
  private final int[] users;
  private final int[] records;
  private final long[] times;
  private final Map<Long, int[]> truth = new HashMap<>();

  private ReplayData(
      DataSetInfo info,
      Catalog catalog,
      AppointmentSource appointments,
      Visibility visibility,
      int[] users,
      int[] records,
      long[] times) {
    this.info = info;
    this.catalog = catalog;
    this.appointments = appointments;
    this.visibility = visibility;
    this.users = users;
    this.records = records;
    this.times = times;
    Map<Long, Set<Integer>> touched = new HashMap<>();
    for (int i = 0; i < times.length; i++) {
      ZoneId zone = catalog.user(users[i]).timezone();
      long day = Instant.ofEpochSecond(times[i]).atZone(zone).toLocalDate().toEpochDay();
      touched.computeIfAbsent(key(users[i], day), k -> new LinkedHashSet<>()).add(records[i]);
    }
    touched.forEach((k, v) -> truth.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
  }

  /**
   * Loads a data set directory; {@code appointments} builds the appointment source from the catalog
   * (calendars in a replay).
   */
  public static ReplayData load(
      DataSetDirectory dir, Function<Catalog, AppointmentSource> appointments) {
    GeoJsonReadResult territories = TerritoryGeoJson.read(dir.territoriesFile());
    if (territories.hasErrors()) {
      throw new IllegalArgumentException(
          dir.territoriesFile() + ": " + territories.problems().get(0));
    }
    Catalog catalog =
        Catalog.of(dir.users(), dir.accounts(), dir.records(), territories.territories());
    Columns columns = new Columns();
    dir.forEachInteraction(
        (Interaction i) ->
            columns.add(
                catalog
                    .userIndex(i.userId())
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "interaction of unknown user " + i.userId())),
                catalog
                    .recordIndex(i.recordId())
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "interaction with unknown record " + i.recordId())),
                i.at().toEpochSecond()));
    return new ReplayData(
        dir.info(),
        catalog,
        appointments.apply(catalog),
        Visibility.of(catalog, dir.shares(), VisibilityRules.defaults()),
        Arrays.copyOf(columns.users, columns.size),
        Arrays.copyOf(columns.records, columns.size),
        Arrays.copyOf(columns.times, columns.size));
  }

  /** Growable columns of interactions while loading. */
  private static final class Columns {
    int[] users = new int[1 << 16];
    int[] records = new int[1 << 16];
    long[] times = new long[1 << 16];
    int size;

    void add(int user, int record, long time) {
      if (size == users.length) {
        users = Arrays.copyOf(users, size * 2);
        records = Arrays.copyOf(records, size * 2);
        times = Arrays.copyOf(times, size * 2);
      }
      users[size] = user;
      records[size] = record;
      times[size] = time;
      size++;
    }
  }

  private static long key(int user, long epochDay) {
    return ((long) user << 32) | (epochDay & 0xffffffffL);
  }

  public DataSetInfo info() {
    return info;
  }

  public Catalog catalog() {
    return catalog;
  }

  public AppointmentSource appointments() {
    return appointments;
  }

  /** Who may read what: the data set's owners, territories, teams and shares. */
  public Visibility visibility() {
    return visibility;
  }

  /** The distinct records user {@code u} touched on {@code day} (their local date). */
  public int[] truth(int u, LocalDate day) {
    return truth.getOrDefault(key(u, day.toEpochDay()), new int[0]);
  }

  /** A fresh history to replay into. */
  public InteractionHistory emptyHistory() {
    return new InteractionHistory(catalog);
  }

  /** Feeds interactions into a history, in time order, from one position to an instant. */
  public final class Feed {
    private final InteractionHistory history;
    private int next;

    public Feed(InteractionHistory history) {
      this.history = history;
    }

    /** Adds every interaction strictly before {@code until} not yet added. */
    public void until(Instant until) {
      long t = until.getEpochSecond();
      while (next < times.length && times[next] < t) {
        history.add(users[next], records[next], Instant.ofEpochSecond(times[next]));
        next++;
      }
    }

    public InteractionHistory history() {
      return history;
    }
  }

  /** The latest instant at which {@code day} begins for any user. */
  public Instant latestStartOf(LocalDate day) {
    Instant latest = Instant.MIN;
    for (int u = 0; u < catalog.userCount(); u++) {
      Instant start = day.atStartOfDay(catalog.user(u).timezone()).toInstant();
      if (start.isAfter(latest)) {
        latest = start;
      }
    }
    return latest;
  }

  /** How many interactions the data set holds. */
  public int interactions() {
    return times.length;
  }
}

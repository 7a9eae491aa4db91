package dev.primer.bench.territory;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.Territory;
import dev.primer.territory.bench.SyntheticTerritories;
import dev.primer.territory.index.TerritoryIndex;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Measures point-to-territory assignment: points per second on one thread and on all cores with
 * {@link TerritoryIndex}, against scans of every territory timed on a sample and extrapolated.
 * Warms up before measuring and reports the median of several runs.
 */
final class AssignmentBench {
  private final BenchSettings settings;
  private final PrintWriter out;
  private final PrintWriter progress;

  /** Figures go to {@code out}; what it is doing meanwhile goes to {@code progress}. */
  AssignmentBench(BenchSettings settings, PrintWriter out, PrintWriter progress) {
    this.settings = settings;
    this.out = out;
    this.progress = progress;
  }

  /** Runs the benchmark and prints its figures. */
  void run() {
    double loadBefore = loadAverage();
    step("generating %,d territories (seed %d)", settings.territories(), settings.seed());
    long start = System.nanoTime();
    List<Territory> territories =
        SyntheticTerritories.generate(settings.territories(), settings.seed());
    double generateSeconds = seconds(System.nanoTime() - start);
    List<GeoPoint> points = SyntheticTerritories.points(settings.points(), settings.seed());
    describe(territories, generateSeconds);

    step("building the index");
    start = System.nanoTime();
    TerritoryIndex index = TerritoryIndex.of(territories);
    double buildSeconds = seconds(System.nanoTime() - start);
    out.printf(Locale.ROOT, "index built in %.2f s%n", buildSeconds);

    int cores = Runtime.getRuntime().availableProcessors();
    step("warming up");
    List<GeoPoint> warmUp = points.subList(0, Math.min(points.size(), 200_000));
    for (int i = 0; i < 3; i++) {
      assignSingleThreaded(index, warmUp);
      index.assignAll(warmUp);
    }

    step("timing %d runs of %,d points on one thread", settings.rounds(), points.size());
    Rates single = rates(points.size(), () -> assignSingleThreaded(index, points));
    step("timing %d runs of %,d points on %d cores", settings.rounds(), points.size(), cores);
    Rates parallel = rates(points.size(), () -> index.assignAll(points));
    List<List<String>> assignments = index.assignAll(points);

    List<GeoPoint> sample = points.subList(0, settings.scanSample());
    PlainScan scan = new PlainScan(index.territories());
    step("timing the scans on %,d sampled points", sample.size());
    sample.subList(0, Math.min(200, sample.size())).forEach(scan::assignPlain);
    double plainRate = rate(sample, scan::assignPlain);
    sample.subList(0, Math.min(2_000, sample.size())).forEach(scan::assignPrepared);
    double preparedRate = rate(sample, scan::assignPrepared);
    long agreeing =
        sample.stream().filter(p -> scan.assignPlain(p).equals(index.assign(p))).count();

    out.printf(
        Locale.ROOT, "points: %,d spread evenly over the region and a 2%% margin%n", points.size());
    out.printf(
        Locale.ROOT,
        "one thread:  %,12.0f points/s (median of %d runs; best %,.0f)%n",
        single.median(),
        settings.rounds(),
        single.best());
    out.printf(
        Locale.ROOT,
        "%d cores:     %,12.0f points/s (median of %d runs; best %,.0f; %.2fx one thread)%n",
        cores,
        parallel.median(),
        settings.rounds(),
        parallel.best(),
        parallel.median() / single.median());
    out.printf(
        Locale.ROOT,
        "plain scan:  %,12.0f points/s (Geometry.covers on all %,d territories; timed on %,d"
            + " points, extrapolated)%n",
        plainRate,
        territories.size(),
        sample.size());
    out.printf(
        Locale.ROOT,
        "prepared scan: %,10.0f points/s (envelope check and prepared locator per territory, no"
            + " STRtree; timed on %,d points, extrapolated)%n",
        preparedRate,
        sample.size());
    out.printf(
        Locale.ROOT,
        "speed-up over the plain scan: %,.0fx on one thread, %,.0fx on %d cores"
            + " (over the prepared scan: %,.0fx, %,.0fx)%n",
        single.median() / plainRate,
        parallel.median() / plainRate,
        cores,
        single.median() / preparedRate,
        parallel.median() / preparedRate);
    out.printf(
        Locale.ROOT,
        "check: index and plain scan agree on %,d of %,d sampled points%n",
        agreeing,
        sample.size());
    long none = assignments.stream().filter(List::isEmpty).count();
    long several = assignments.stream().filter(ids -> ids.size() > 1).count();
    out.printf(
        Locale.ROOT,
        "assignments: %.2f%% of points in no territory, %.2f%% in two or more%n",
        100.0 * none / points.size(),
        100.0 * several / points.size());
    // Other work on the machine slows every figure above; the load average says how much there was.
    out.printf(
        Locale.ROOT,
        "machine: %d cores, load average %.2f before and %.2f after the run, Java %s%n",
        cores,
        loadBefore,
        loadAverage(),
        Runtime.version());
    out.flush();
  }

  private void describe(List<Territory> territories, double seconds) {
    int[] vertices = territories.stream().mapToInt(Territory::vertexCount).sorted().toArray();
    long withHoles =
        territories.stream()
            .filter(t -> t.geometry() instanceof Polygon p && p.getNumInteriorRing() > 0)
            .count();
    long multi = territories.stream().filter(t -> t.geometry() instanceof MultiPolygon).count();
    out.printf(
        Locale.ROOT,
        "territories: %,d generated in %.1f s (seed %d); vertices min %d, median %d, max %d;"
            + " %d with holes, %d multipolygons%n",
        territories.size(),
        seconds,
        settings.seed(),
        vertices[0],
        vertices[vertices.length / 2],
        vertices[vertices.length - 1],
        withHoles,
        multi);
  }

  private static List<List<String>> assignSingleThreaded(
      TerritoryIndex index, List<GeoPoint> points) {
    List<List<String>> results = new ArrayList<>(points.size());
    for (GeoPoint point : points) {
      results.add(index.assign(point));
    }
    return results;
  }

  /** Points per second over the configured rounds: the median and the best. */
  private Rates rates(int count, Runnable work) {
    double[] rates = new double[settings.rounds()];
    for (int round = 0; round < rates.length; round++) {
      long start = System.nanoTime();
      work.run();
      rates[round] = count / seconds(System.nanoTime() - start);
    }
    Arrays.sort(rates);
    return new Rates(rates[rates.length / 2], rates[rates.length - 1]);
  }

  /** The median run shows what to expect; the best shows the machine with less else to do. */
  private record Rates(double median, double best) {}

  private static double rate(List<GeoPoint> sample, Function<GeoPoint, List<String>> assign) {
    long start = System.nanoTime();
    long hits = 0;
    for (GeoPoint point : sample) {
      hits += assign.apply(point).size();
    }
    double elapsed = seconds(System.nanoTime() - start);
    // Using the result keeps the JIT from discarding the work.
    return hits >= 0 ? sample.size() / elapsed : 0;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private void step(String format, Object... args) {
    progress.printf(Locale.ROOT, "bench: " + format + "...%n", args);
    progress.flush();
  }
}

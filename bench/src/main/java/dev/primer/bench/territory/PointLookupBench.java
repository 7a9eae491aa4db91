package dev.primer.bench.territory;

import dev.primer.territory.GeoPoint;
import dev.primer.territory.bench.SyntheticTerritories;
import dev.primer.territory.index.TerritoryIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One point looked up in the territory index: the territories of the generated set ({@link
 * SyntheticTerritories}, as {@code bin/primer territory bench} makes them) that cover it. Points
 * cycle through an evenly spread sample, so no single cell's cost dominates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PointLookupBench {
  private static final int SAMPLE = 1 << 16;

  /** Territories generated. */
  @Param("5000")
  public int territories;

  private TerritoryIndex index;
  private List<GeoPoint> points;
  private PlainScan scan;
  private int next;

  /** Generates the territories (seed 1), builds the index and the scan baseline. */
  @Setup
  public void setUp() {
    index = TerritoryIndex.of(SyntheticTerritories.generate(territories, 1));
    points = SyntheticTerritories.points(SAMPLE, 1);
    scan = new PlainScan(index.territories());
  }

  /** {@link TerritoryIndex#assign}: STRtree candidates, then prepared point-in-polygon tests. */
  @Benchmark
  public List<String> indexLookup() {
    return index.assign(points.get(next++ & (SAMPLE - 1)));
  }

  /** The prepared scan without the STRtree: what the index is measured against. */
  @Benchmark
  public List<String> preparedScan() {
    return scan.assignPrepared(points.get(next++ & (SAMPLE - 1)));
  }
}

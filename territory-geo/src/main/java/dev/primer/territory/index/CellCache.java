package dev.primer.territory.index;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A grid over all territories that remembers the answer for every cell no territory boundary
 * touches: inside such a cell every point lies in the same territories, so one exact answer (at the
 * cell centre) serves them all and most points need no geometry test. Points in a cell that a
 * boundary touches go to the exact path.
 */
final class CellCache {
  /** About 1/16 of a territory's width per cell, so few cells are crossed by a boundary. */
  static final int CELLS_PER_TERRITORY = 256;

  /** Caps the grid at 4M cells (16 to 32 MB of references) however many territories there are. */
  static final int MAX_CELLS = 1 << 22;

  private final Function<Coordinate, List<String>> exact;
  private final Envelope extent;
  private final int columns;
  private final int rows;
  private final double cellWidth;
  private final double cellHeight;

  /** One answer per cell; {@code null} marks a cell that a boundary touches. */
  private final List<?>[] answers;

  /**
   * Builds the grid over {@code geometries}, answering clean cells with {@code exact}, which must
   * be safe to call from several threads.
   */
  CellCache(List<Geometry> geometries, Function<Coordinate, List<String>> exact) {
    this.exact = exact;
    this.extent = new Envelope();
    geometries.forEach(geometry -> extent.expandToInclude(geometry.getEnvelopeInternal()));
    long target = Math.min(MAX_CELLS, Math.max(1L, (long) geometries.size() * CELLS_PER_TERRITORY));
    double width = Math.max(extent.getWidth(), 1e-9);
    double height = Math.max(extent.getHeight(), 1e-9);
    this.columns =
        (int) Math.max(1, Math.min(target, Math.round(Math.sqrt(target * width / height))));
    this.rows = (int) Math.max(1, target / columns);
    this.cellWidth = width / columns;
    this.cellHeight = height / rows;
    this.answers = new List<?>[extent.isNull() ? 0 : columns * rows];
    if (answers.length == 0) {
      return;
    }
    boolean[] touched = new boolean[answers.length];
    for (Geometry geometry : geometries) {
      markBoundary(geometry, touched);
    }
    // Cells are filled row by row and in parallel: rows do not depend on each other.
    IntStream.range(0, rows).parallel().forEach(row -> fillRow(row, touched));
  }

  /**
   * Answers the clean cells of a row. Neighbouring clean cells share an edge that no boundary
   * crosses, so a run of them lies in the same territories: one exact answer serves the run.
   */
  private void fillRow(int row, boolean[] touched) {
    List<String> run = null;
    for (int column = 0; column < columns; column++) {
      int cell = row * columns + column;
      if (touched[cell]) {
        run = null;
      } else {
        if (run == null) {
          run = exact.apply(centre(cell));
        }
        answers[cell] = run;
      }
    }
  }

  /** The territories containing the position, from the grid when the cell is clean. */
  List<String> assign(Coordinate position) {
    if (!extent.covers(position.x, position.y)) {
      return List.of(); // outside every territory's envelope
    }
    List<?> answer = answers[cellOf(position.x, position.y)];
    return answer == null ? exact.apply(position) : idsOf(answer);
  }

  @SuppressWarnings("unchecked") // only lists of ids are ever stored
  private static List<String> idsOf(List<?> answer) {
    return (List<String>) answer;
  }

  private int cellOf(double x, double y) {
    int column = Math.min(columns - 1, (int) ((x - extent.getMinX()) / cellWidth));
    int row = Math.min(rows - 1, (int) ((y - extent.getMinY()) / cellHeight));
    return row * columns + column;
  }

  private Coordinate centre(int cell) {
    int row = cell / columns;
    int column = cell % columns;
    return new Coordinate(
        extent.getMinX() + (column + 0.5) * cellWidth, extent.getMinY() + (row + 0.5) * cellHeight);
  }

  /**
   * Marks every cell that a boundary segment touches, conservatively: each segment is cut into
   * pieces no longer than a cell and every cell overlapping a piece's box, grown by a margin far
   * above rounding error, is marked. A cell left unmarked has no boundary anywhere near it.
   */
  private void markBoundary(Geometry geometry, boolean[] touched) {
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Polygon polygon = (Polygon) geometry.getGeometryN(i);
      if (polygon.isEmpty()) {
        continue;
      }
      markRing(polygon.getExteriorRing().getCoordinates(), touched);
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        markRing(polygon.getInteriorRingN(h).getCoordinates(), touched);
      }
    }
  }

  private void markRing(Coordinate[] ring, boolean[] touched) {
    double marginX = cellWidth * 1e-6;
    double marginY = cellHeight * 1e-6;
    for (int i = 1; i < ring.length; i++) {
      Coordinate a = ring[i - 1];
      Coordinate b = ring[i];
      int pieces =
          1 + (int) Math.max(Math.abs(b.x - a.x) / cellWidth, Math.abs(b.y - a.y) / cellHeight);
      for (int p = 0; p < pieces; p++) {
        double x0 = a.x + (b.x - a.x) * p / pieces;
        double y0 = a.y + (b.y - a.y) * p / pieces;
        double x1 = a.x + (b.x - a.x) * (p + 1) / pieces;
        double y1 = a.y + (b.y - a.y) * (p + 1) / pieces;
        markBox(
            Math.min(x0, x1) - marginX,
            Math.max(x0, x1) + marginX,
            Math.min(y0, y1) - marginY,
            Math.max(y0, y1) + marginY,
            touched);
      }
    }
  }

  private void markBox(double minX, double maxX, double minY, double maxY, boolean[] touched) {
    int firstColumn = clamp((int) Math.floor((minX - extent.getMinX()) / cellWidth), columns);
    int lastColumn = clamp((int) Math.floor((maxX - extent.getMinX()) / cellWidth), columns);
    int firstRow = clamp((int) Math.floor((minY - extent.getMinY()) / cellHeight), rows);
    int lastRow = clamp((int) Math.floor((maxY - extent.getMinY()) / cellHeight), rows);
    for (int row = firstRow; row <= lastRow; row++) {
      for (int column = firstColumn; column <= lastColumn; column++) {
        touched[row * columns + column] = true;
      }
    }
  }

  private static int clamp(int index, int size) {
    return Math.max(0, Math.min(size - 1, index));
  }
}

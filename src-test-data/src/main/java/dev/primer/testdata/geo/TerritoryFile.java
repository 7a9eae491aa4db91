package dev.primer.testdata.geo;

import dev.primer.testdata.geo.TerritoryPlanner.PlannedTerritory;
import dev.primer.testdata.org.Organisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** Writes the organisation's territories as a GeoJSON FeatureCollection. */
public final class TerritoryFile {
  private TerritoryFile() {}

  /** Writes {@code territories.geojson}; returns how many territories it holds. */
  public static int write(Organisation organisation, Path file) {
    List<PlannedTerritory> territories = organisation.territories();
    GeoJsonWriter geometry = new GeoJsonWriter(6);
    geometry.setEncodeCRS(false);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
      for (int i = 0; i < territories.size(); i++) {
        PlannedTerritory t = territories.get(i);
        out.write(
            "{\"type\":\"Feature\",\"properties\":{\"id\":\""
                + t.id()
                + "\",\"name\":\""
                + t.name()
                + "\"},\"geometry\":"
                + geometry.write(t.lonLat())
                + "}"
                + (i + 1 < territories.size() ? ",\n" : "\n"));
      }
      out.write("]}\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return territories.size();
  }
}

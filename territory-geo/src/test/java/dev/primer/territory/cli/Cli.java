package dev.primer.territory.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs {@code primer territory} in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = TerritoryCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(exitCode, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** A small territory file: features as (id, WKT-like ring list in GeoJSON) pairs. */
  static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",\n", features) + "]}";
  }

  static String polygon(String id, String rings) {
    return "{\"type\":\"Feature\",\"properties\":{\"id\":\""
        + id
        + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + rings
        + "}}";
  }

  static final String WEST = polygon("west", "[[[0,0],[1,0],[1,1],[0,1],[0,0]]]");
  static final String EAST = polygon("east", "[[[1,0],[2,0],[2,1],[1,1],[1,0]]]");
  static final String BOWTIE = polygon("bow", "[[[0,0],[2,2],[2,0],[0,2],[0,0]]]");
}

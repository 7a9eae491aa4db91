package dev.primer.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The start of a drill's child JVM command line: this JVM's java, set up for a short life. */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * {@code java} with the client compiler only and the serial collector. A drill's service or agent
   * lives seconds to minutes, and C2 compiling for a peak it never reaches cost about 5 of the 11
   * CPU seconds a service took to start; on 2 cores that CPU is the drills' wall clock.
   */
  static List<String> java() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    return cmd;
  }
}

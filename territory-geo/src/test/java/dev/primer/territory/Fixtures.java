package dev.primer.territory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-world files kept beside the project (never copied into it); tests that need them skip
 * themselves when the folder named by the system property {@code primer.fixtures} is absent.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The file under the fixtures folder, or a skipped test when it is not there. */
  public static Path geo(String fileName) {
    String root = System.getProperty("primer.fixtures", "");
    assumeTrue(!root.isBlank(), "system property primer.fixtures is not set");
    Path file = Path.of(root, "geo", fileName);
    assumeTrue(Files.isRegularFile(file), "fixture not present: " + file);
    return file;
  }
}

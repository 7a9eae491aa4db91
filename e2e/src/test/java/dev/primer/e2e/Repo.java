package dev.primer.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's root is, seen from a test running in this module. */
final class Repo {
  private Repo() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("bin/primer"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no bin/primer above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}

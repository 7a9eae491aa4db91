package dev.primer.agent.cli;

import java.time.Duration;

/** Ages as the commands print them: 42s, 12m, 3h, 2d. */
final class Ages {
  private Ages() {}

  static String of(Duration age) {
    long s = Math.max(0, age.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m";
    }
    if (s < 86_400) {
      return s / 3600 + "h";
    }
    return s / 86_400 + "d";
  }
}

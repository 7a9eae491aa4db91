package dev.primer.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String drawn(boolean terminal) {
    try (ProgressBar bar = new ProgressBar(out, "replay", 3, terminal)) {
      bar.step();
      bar.stepBy(2);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void inALogEveryStateIsAPlainLineAndTheLastOneIsComplete() {
    String log = drawn(false);

    assertThat(log).doesNotContain("\r").endsWith("\n");
    List<String> lines = log.lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("replay 100% [").contains("3/3");
    assertThat(lines).doesNotHaveDuplicates();
  }

  @Test
  void onATerminalTheLineIsRedrawnInPlaceAndEndedOnce() {
    String screen = drawn(true);

    assertThat(screen).startsWith("\r").endsWith("\n");
    assertThat(screen.chars().filter(c -> c == '\n')).hasSize(1);
    assertThat(screen.substring(screen.lastIndexOf('\r') + 1))
        .startsWith("replay 100% [")
        .contains("3/3");
  }
}

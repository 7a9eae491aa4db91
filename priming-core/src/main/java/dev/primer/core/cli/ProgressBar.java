package dev.primer.core.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for the tools' long work, drawn by me.tongfei:progressbar on standard error, where
 * it never mixes with a command's output: on a terminal one line redrawn in place; in a log (CI,
 * redirected stderr) a plain line whenever there was progress in the last {@link #LOG_INTERVAL},
 * and the last state.
 */
public final class ProgressBar implements AutoCloseable {
  /** How often a log gets a line: often enough to show life, rarely enough to stay short. */
  public static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

  private static final int TERMINAL_REDRAW_MILLIS = 200;
  private static final int WIDTH = 100;

  private final me.tongfei.progressbar.ProgressBar bar;
  private final PrintStream out;
  private final boolean terminal;

  ProgressBar(PrintStream out, String label, long total, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
    this.bar =
        new ProgressBarBuilder()
            .setTaskName(label)
            .setInitialMax(Math.max(1, total))
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(
                terminal ? TERMINAL_REDRAW_MILLIS : (int) LOG_INTERVAL.toMillis())
            .setConsumer(new Lines(out, terminal))
            .build();
  }

  /** A bar on standard error, redrawn on a terminal and printed line by line in a log. */
  public static ProgressBar onStderr(String label, long total) {
    return new ProgressBar(System.err, label, total, System.console() != null);
  }

  /** A bar that draws nothing, for --quiet. */
  public static ProgressBar silent() {
    return new ProgressBar(new PrintStream(OutputStream.nullOutputStream()), "", 1, false);
  }

  public void step() {
    bar.step();
  }

  public void stepBy(long n) {
    bar.stepBy(n);
  }

  /** Draws the final state and, on a terminal, ends its line. */
  @Override
  public void close() {
    bar.close();
    if (terminal) {
      out.println(); // the library leaves the cursor behind a redrawn line
      out.flush();
    }
  }

  /**
   * Draws each state over the last one on a terminal, or as a line of its own in a log; a state
   * drawn twice in a row (the library redraws the last one on close) is written once.
   */
  private static final class Lines implements ProgressBarConsumer {
    private final PrintStream out;
    private final boolean terminal;
    private String last = "";

    Lines(PrintStream out, boolean terminal) {
      this.out = out;
      this.terminal = terminal;
    }

    @Override
    public int getMaxRenderedLength() {
      return WIDTH;
    }

    @Override
    public synchronized void accept(String line) {
      if (line.equals(last)) {
        return;
      }
      last = line;
      if (terminal) {
        out.print('\r' + line);
      } else {
        out.println(line);
      }
      out.flush();
    }

    @Override
    public void close() {
      // nothing to release; ProgressBar.close ends the terminal's line
    }
  }
}

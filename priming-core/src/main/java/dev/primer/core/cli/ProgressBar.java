package dev.primer.core.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar for long command-line work. On a terminal it redraws one line; in a log it prints
 * a line at every tenth of the way, so that CI logs stay short.
 */
public final class ProgressBar implements AutoCloseable {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final long startedAt = System.nanoTime();
  private long done;
  private long lastDrawAt;
  private int lastTenth = -1;

  public ProgressBar(PrintStream out, String label, long total) {
    this(out, label, total, System.console() != null);
  }

  ProgressBar(PrintStream out, String label, long total, boolean terminal) {
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
    this.terminal = terminal;
  }

  /** A bar that draws nothing, for --quiet. */
  public static ProgressBar silent() {
    return new ProgressBar(new PrintStream(java.io.OutputStream.nullOutputStream()), "", 1, false);
  }

  /** A bar on standard error, where it never mixes with a command's output. */
  public static ProgressBar onStderr(String label, long total) {
    return new ProgressBar(System.err, label, total);
  }

  public void step() {
    stepBy(1);
  }

  public synchronized void stepBy(long n) {
    done += n;
    long now = System.nanoTime();
    if (terminal) {
      if (now - lastDrawAt >= REDRAW_NANOS) {
        lastDrawAt = now;
        out.print("\r" + line(now));
        out.flush();
      }
    } else {
      int tenth = (int) Math.min(10, done * 10 / total);
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        out.println(line(now));
      }
    }
  }

  private String line(long now) {
    double fraction = Math.min(1.0, (double) done / total);
    int width = 30;
    int filled = (int) Math.round(fraction * width);
    double seconds = (now - startedAt) / 1e9;
    String eta =
        done == 0 || fraction >= 1
            ? ""
            : " eta " + format(Duration.ofSeconds((long) (seconds / fraction - seconds)));
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%% %,d/%,d%s",
        label,
        "#".repeat(filled),
        " ".repeat(width - filled),
        Math.round(fraction * 100),
        done,
        total,
        eta);
  }

  private static String format(Duration d) {
    long s = d.getSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s / 60) % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }

  /** Draws the final state and ends the line. */
  @Override
  public synchronized void close() {
    long now = System.nanoTime();
    String line = line(now) + String.format(Locale.ROOT, " in %.1fs", (now - startedAt) / 1e9);
    out.println(terminal ? "\r" + line : line);
    out.flush();
  }
}

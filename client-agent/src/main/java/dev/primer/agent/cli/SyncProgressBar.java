package dev.primer.agent.cli;

import dev.primer.agent.sync.SyncListener;
import dev.primer.protocol.ByteSizes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The sync's progress bar, drawn like priming-core's cli.ProgressBar: on a terminal it redraws one
 * line; in a log it prints a line at every tenth. Shows records, bytes, rate and ETA.
 */
final class SyncProgressBar implements SyncListener {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter out;
  private final boolean terminal;
  private long totalRecords;
  private long totalBytes;
  private long records;
  private long bytes;
  private long startedAt;
  private long lastDrawAt;
  private int lastTenth = -1;

  SyncProgressBar(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void started(long records, long bytes) {
    this.totalRecords = Math.max(1, records);
    this.totalBytes = Math.max(1, bytes);
    this.startedAt = System.nanoTime();
  }

  @Override
  public synchronized void advanced(long moreRecords, long moreBytes) {
    records += moreRecords;
    bytes += moreBytes;
    long now = System.nanoTime();
    if (terminal) {
      if (now - lastDrawAt >= REDRAW_NANOS) {
        lastDrawAt = now;
        out.print("\r" + line(now));
        out.flush();
      }
    } else {
      int tenth = (int) Math.min(10, bytes * 10 / totalBytes);
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        out.println(line(now));
        out.flush();
      }
    }
  }

  private String line(long now) {
    double fraction = Math.min(1.0, (double) bytes / totalBytes);
    int width = 30;
    int filled = (int) Math.round(fraction * width);
    double seconds = Math.max(1e-3, (now - startedAt) / 1e9);
    String eta =
        bytes == 0 || fraction >= 1
            ? ""
            : " eta " + format(Duration.ofSeconds((long) (seconds / fraction - seconds)));
    return String.format(
        Locale.ROOT,
        "sync [%s%s] %3d%% %,d/%,d records %s/%s %s/s%s",
        "#".repeat(filled),
        " ".repeat(width - filled),
        Math.round(fraction * 100),
        records,
        totalRecords,
        ByteSizes.human(bytes),
        ByteSizes.human(totalBytes),
        ByteSizes.human((long) (bytes / seconds)),
        eta);
  }

  private static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s / 60) % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }

  @Override
  public synchronized void finished() {
    if (startedAt == 0) {
      return;
    }
    String line = line(System.nanoTime());
    out.println(terminal ? "\r" + line : line);
    out.flush();
  }
}

package dev.primer.agent.cli;

import dev.primer.agent.sync.SyncListener;
import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * The sync's progress bar (me.tongfei:progressbar), filled by bytes, with records, rate and ETA: on
 * a terminal one line redrawn in place; in a log a plain line whenever there was progress in the
 * last 30 seconds, and the last state.
 */
final class SyncProgressBar implements SyncListener {
  private static final int TERMINAL_REDRAW_MILLIS = 200;
  private static final int LOG_INTERVAL_MILLIS = 30_000;
  private static final int WIDTH = 110;

  private final PrintWriter out;
  private final boolean terminal;
  private final NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
  // Absent before the sync starts and after it finishes.
  private @Nullable ProgressBar bar;
  private long totalRecords;
  private long records;

  SyncProgressBar(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
    count.setGroupingUsed(true);
  }

  @Override
  public synchronized void started(long records, long bytes) {
    this.totalRecords = records;
    this.bar =
        new ProgressBarBuilder()
            .setTaskName("sync")
            .setInitialMax(Math.max(1, bytes))
            .setUnit("MiB", 1 << 20)
            .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(terminal ? TERMINAL_REDRAW_MILLIS : LOG_INTERVAL_MILLIS)
            .setConsumer(new Lines())
            .build();
    bar.setExtraMessage(recordsText());
  }

  @Override
  public synchronized void advanced(long moreRecords, long moreBytes) {
    if (bar == null) {
      return;
    }
    records += moreRecords;
    bar.stepBy(moreBytes);
    bar.setExtraMessage(recordsText());
  }

  private String recordsText() {
    return count.format(records) + "/" + count.format(totalRecords) + " records";
  }

  @Override
  public synchronized void finished() {
    if (bar != null) {
      bar.close();
      bar = null;
      if (terminal) {
        out.println(); // the library leaves the cursor behind a redrawn line
        out.flush();
      }
    }
  }

  /**
   * Draws each state over the last one on a terminal, or as a line of its own in a log; a state
   * drawn twice in a row (the library redraws the last one on close) is written once.
   */
  private final class Lines implements ProgressBarConsumer {
    private String last = "";

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
      // nothing to release; finished() ends the terminal's line
    }
  }
}

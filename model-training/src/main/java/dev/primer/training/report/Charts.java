package dev.primer.training.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** Small PNG charts drawn with Java2D: no plotting library, same pixels on every machine. */
final class Charts {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 460;
  private static final int LEFT = 70;
  private static final int RIGHT = 190;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
  };

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** Lines over evenly spaced categories (budgets), y from 0 to 1 as percentages. */
  static void lines(
      Path file,
      String title,
      String xTitle,
      List<String> categories,
      Map<String, double[]> series) {
    Canvas c = new Canvas(title);
    c.axes(xTitle, "hit rate");
    int n = categories.size();
    for (int i = 0; i < n; i++) {
      int x = c.x(n == 1 ? 0.5 : (double) i / (n - 1));
      c.g.setColor(Color.DARK_GRAY);
      c.centered(categories.get(i), x, HEIGHT - BOTTOM + 18);
    }
    int k = 0;
    for (Map.Entry<String, double[]> s : series.entrySet()) {
      Color color = PALETTE[k % PALETTE.length];
      c.g.setColor(color);
      c.g.setStroke(new BasicStroke(2.5f));
      double[] v = s.getValue();
      for (int i = 0; i < v.length; i++) {
        int x = c.x(n == 1 ? 0.5 : (double) i / (n - 1));
        int y = c.y(v[i]);
        c.g.fillOval(x - 4, y - 4, 8, 8);
        if (i > 0) {
          c.g.drawLine(c.x(n == 1 ? 0.5 : (double) (i - 1) / (n - 1)), c.y(v[i - 1]), x, y);
        }
      }
      c.legend(k, s.getKey(), color);
      k++;
    }
    c.save(file);
  }

  /** Predicted probability against observed frequency, with the diagonal of perfect calibration. */
  static void calibration(Path file, String title, double[] predicted, double[] observed) {
    Canvas c = new Canvas(title);
    c.axes("predicted probability", "observed frequency");
    for (int i = 0; i <= 4; i++) {
      c.g.setColor(Color.DARK_GRAY);
      c.centered(String.format(Locale.ROOT, "%.2f", i / 4.0), c.x(i / 4.0), HEIGHT - BOTTOM + 18);
    }
    c.g.setColor(Color.LIGHT_GRAY);
    c.g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
    c.g.drawLine(c.x(0), c.y(0), c.x(1), c.y(1));
    c.g.setColor(PALETTE[0]);
    c.g.setStroke(new BasicStroke(2.5f));
    for (int i = 0; i < predicted.length; i++) {
      int x = c.x(predicted[i]);
      int y = c.y(observed[i]);
      c.g.fillOval(x - 4, y - 4, 8, 8);
      if (i > 0) {
        c.g.drawLine(c.x(predicted[i - 1]), c.y(observed[i - 1]), x, y);
      }
    }
    c.legend(0, "model", PALETTE[0]);
    c.legend(1, "perfect", Color.LIGHT_GRAY);
    c.save(file);
  }

  /** Horizontal bars, largest magnitude first; negative values drawn to the left of zero. */
  static void bars(Path file, String title, List<String> labels, double[] values) {
    int rowHeight = 18;
    int height = Math.max(HEIGHT, TOP + 30 + rowHeight * labels.size());
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, 20, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    double max = 1e-12;
    boolean negative = false;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
      negative |= v < 0;
    }
    int labelWidth = 230;
    int plotLeft = labelWidth + 10;
    int plotWidth = WIDTH - plotLeft - 60;
    int zero = negative ? plotLeft + plotWidth / 2 : plotLeft;
    double scale = (negative ? plotWidth / 2.0 : plotWidth) / max;
    for (int i = 0; i < labels.size(); i++) {
      int y = TOP + 10 + i * rowHeight;
      g.setColor(Color.DARK_GRAY);
      g.drawString(labels.get(i), 10, y + 12);
      int length = (int) Math.round(Math.abs(values[i]) * scale);
      g.setColor(values[i] < 0 ? PALETTE[3] : PALETTE[0]);
      g.fillRect(values[i] < 0 ? zero - length : zero, y + 2, Math.max(1, length), rowHeight - 5);
      g.setColor(Color.DARK_GRAY);
      g.drawString(
          String.format(Locale.ROOT, "%.3g", values[i]),
          values[i] < 0 ? zero + 4 : zero + length + 4,
          y + 12);
    }
    g.setColor(Color.GRAY);
    g.drawLine(zero, TOP, zero, TOP + 10 + labels.size() * rowHeight);
    g.dispose();
    write(image, file);
  }

  private static void write(BufferedImage image, Path file) {
    try {
      ImageIO.write(image, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** A chart area with axes from 0 to 1 and a legend on the right. */
  private static final class Canvas {
    final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    final Graphics2D g = image.createGraphics();

    Canvas(String title) {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      g.drawString(title, LEFT, 30);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    int x(double fraction) {
      return LEFT + (int) Math.round(fraction * (WIDTH - LEFT - RIGHT));
    }

    int y(double fraction) {
      return HEIGHT - BOTTOM - (int) Math.round(fraction * (HEIGHT - TOP - BOTTOM));
    }

    void axes(String xTitle, String yTitle) {
      g.setColor(new Color(0xeeeeee));
      for (int i = 0; i <= 10; i++) {
        g.drawLine(x(0), y(i / 10.0), x(1), y(i / 10.0));
      }
      g.setColor(Color.DARK_GRAY);
      g.drawLine(x(0), y(0), x(1), y(0));
      g.drawLine(x(0), y(0), x(0), y(1));
      for (int i = 0; i <= 10; i += 2) {
        g.drawString(String.format(Locale.ROOT, "%d%%", i * 10), 25, y(i / 10.0) + 4);
      }
      centered(xTitle, x(0.5), HEIGHT - 15);
      g.drawString(yTitle, 10, TOP - 8);
    }

    void centered(String text, int x, int y) {
      int w = g.getFontMetrics().stringWidth(text);
      g.drawString(text, x - w / 2, y);
    }

    void legend(int index, String name, Color color) {
      int y = TOP + 10 + index * 20;
      g.setColor(color);
      g.fillRect(WIDTH - RIGHT + 20, y - 9, 14, 10);
      g.setColor(Color.BLACK);
      g.drawString(name, WIDTH - RIGHT + 40, y);
    }

    void save(Path file) {
      g.dispose();
      write(image, file);
    }
  }
}

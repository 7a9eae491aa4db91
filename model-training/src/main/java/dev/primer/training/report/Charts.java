package dev.primer.training.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's PNG charts, drawn by JFreeChart on a headless Java2D canvas. */
final class Charts {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 460;
  private static final int BAR_ROW_HEIGHT = 18;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
  };
  private static final Color GRID = new Color(0xeeeeee);
  private static final BasicStroke LINE = new BasicStroke(2.5f);
  private static final Ellipse2D.Double DOT = new Ellipse2D.Double(-4, -4, 8, 8);
  private static final DecimalFormatSymbols ROOT_SYMBOLS =
      DecimalFormatSymbols.getInstance(Locale.ROOT);

  static {
    // Reports are written on servers and in CI, where there is no display.
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
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    series.forEach(
        (name, values) -> {
          for (int i = 0; i < values.length; i++) {
            data.addValue(values[i], name, categories.get(i));
          }
        });
    JFreeChart chart =
        ChartFactory.createLineChart(
            title, xTitle, "hit rate", data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
    renderer.setDefaultShapesVisible(true);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, LINE);
      renderer.setSeriesShape(i, DOT);
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    percentAxis((NumberAxis) plot.getRangeAxis());
    save(chart, file, HEIGHT);
  }

  /** Predicted probability against observed frequency, with the diagonal of perfect calibration. */
  static void calibration(Path file, String title, double[] predicted, double[] observed) {
    XYSeries model = new XYSeries("model", false);
    for (int i = 0; i < predicted.length; i++) {
      model.add(predicted[i], observed[i]);
    }
    XYSeries perfect = new XYSeries("perfect");
    perfect.add(0, 0);
    perfect.add(1, 1);
    XYSeriesCollection data = new XYSeriesCollection(model);
    data.addSeries(perfect);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "predicted probability",
            "observed frequency",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesPaint(0, PALETTE[0]);
    renderer.setSeriesStroke(0, LINE);
    renderer.setSeriesShape(0, DOT);
    renderer.setSeriesPaint(1, Color.LIGHT_GRAY);
    renderer.setSeriesStroke(
        1,
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
    renderer.setSeriesShapesVisible(1, false);
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    x.setRange(0, 1);
    x.setTickUnit(new NumberTickUnit(0.25, new DecimalFormat("0.00", ROOT_SYMBOLS)));
    percentAxis((NumberAxis) plot.getRangeAxis());
    save(chart, file, HEIGHT);
  }

  /** Horizontal bars in the given order; negative values red, to the left of zero. */
  static void bars(Path file, String title, List<String> labels, double[] values) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < labels.size(); i++) {
      data.addValue(values[i], "weight", labels.get(i));
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, null, data, PlotOrientation.HORIZONTAL, false, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = new SignedBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDefaultItemLabelGenerator(new SignificantDigits());
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    renderer.setDefaultNegativeItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinesVisible(false);
    double max = 1e-12;
    boolean negative = false;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
      negative |= v < 0;
    }
    double room = 1.2 * max; // space for the value labels beside the longest bars
    plot.getRangeAxis().setRange(negative ? -room : 0, room);
    plot.getRangeAxis().setVisible(false);
    save(chart, file, Math.max(HEIGHT, 80 + BAR_ROW_HEIGHT * labels.size()));
  }

  private static void percentAxis(NumberAxis axis) {
    axis.setRange(0, 1.02); // a little above 100%, so that a perfect line is not cut in half
    NumberFormat percent = new DecimalFormat("0%", ROOT_SYMBOLS);
    axis.setTickUnit(new NumberTickUnit(0.2, percent));
  }

  private static void save(JFreeChart chart, Path file, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
    if (chart.getLegend() != null) {
      chart.getLegend().setPosition(RectangleEdge.RIGHT);
      chart.getLegend().setVerticalAlignment(VerticalAlignment.TOP);
      chart.getLegend().setFrame(BlockBorder.NONE);
    }
    try {
      ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, height);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Bars coloured by sign: blue for positive weights, red for negative ones. */
  private static final class SignedBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public Paint getItemPaint(int row, int column) {
      Number value = getPlot().getDataset().getValue(row, column);
      return value != null && value.doubleValue() < 0 ? PALETTE[3] : PALETTE[0];
    }
  }

  /** A bar's value with three significant digits, as {@code %.3g} prints it. */
  private static final class SignificantDigits extends StandardCategoryItemLabelGenerator {
    private static final long serialVersionUID = 1L;

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      Number value = dataset.getValue(row, column);
      return value == null ? "" : String.format(Locale.ROOT, "%.3g", value.doubleValue());
    }
  }
}

package dev.primer.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.cli.CommandLines;
import dev.primer.protocol.model.ModelEvaluation;
import dev.primer.training.MetricsTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCliTest {
  @TempDir static Path shared;
  private static Path data;
  private static Path bundle;

  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void trainOnce() {
    data = dev.primer.training.SmallDataSetAccess.get();
    bundle = shared.resolve("model.zip");
    int code =
        CommandLines.run(
            new TrainingCli(),
            new String[] {
              "train",
              "--data",
              data.toString(),
              "--train-days",
              "8..20",
              "--algo",
              "logreg",
              "--negative-rate",
              "0.05",
              "--quiet",
              "--out",
              bundle.toString()
            },
            new PrintWriter(new ByteArrayOutputStream(), true),
            new PrintWriter(new ByteArrayOutputStream(), true));
    assertThat(code).isZero();
  }

  private int run(String... args) {
    return CommandLines.run(
        new TrainingCli(),
        args,
        new PrintWriter(out, true, StandardCharsets.UTF_8),
        new PrintWriter(err, true, StandardCharsets.UTF_8));
  }

  private String error() {
    return err.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void evaluateWritesATableACsvRowPerSelectorAndBudgetAndAReport() throws IOException {
    Path csv = tmp.resolve("eval.csv");
    Path report = tmp.resolve("report");
    int code =
        run(
            "evaluate",
            "--data",
            data.toString(),
            "--model",
            bundle.toString(),
            "--eval-days",
            "22..28",
            "--budgets",
            "16MB,64MB",
            "--csv",
            csv.toString(),
            "--report",
            report.toString(),
            "--quiet");
    assertThat(code).as(error()).isZero();
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows.get(0)).isEqualTo(MetricsTable.CSV_HEADER);
    assertThat(rows).hasSize(1 + 6 * 2);
    assertThat(rows.subList(1, rows.size()))
        .extracting(r -> r.split(",")[0] + "@" + r.split(",")[1])
        .containsExactlyInAnyOrder(
            "model@16777216",
            "model@67108864",
            "appointments@16777216",
            "appointments@67108864",
            "recent@16777216",
            "recent@67108864",
            "frequent@16777216",
            "frequent@67108864",
            "territory@16777216",
            "territory@67108864",
            "oracle@16777216",
            "oracle@67108864");
    for (String file :
        List.of(
            "report.md",
            "report.html",
            "hit-rate.png",
            "byte-hit-rate.png",
            "calibration.png",
            "features.png")) {
      assertThat(report.resolve(file)).isNotEmptyFile();
    }
    assertThat(Files.readString(report.resolve("report.md")))
        .contains("## Quality bar")
        .contains("| 16MB |");
    String html = Files.readString(report.resolve("report.html"));
    assertThat(html)
        .contains("<h1>Primer evaluation</h1>")
        .contains("<h2>Results</h2>", "<h2>Quality bar</h2>", "<h2>Calibration</h2>")
        .contains("<h2>Model</h2>")
        .contains("<th>selector</th>", "<td>model</td>", "<td>16MB</td>")
        .contains("<img src=\"hit-rate.png\" alt=\"hit rate\" />")
        .contains("<img src=\"byte-hit-rate.png\"", "<img src=\"calibration.png\"")
        .contains("<img src=\"features.png\"", "<li>bundle id: <code>")
        .endsWith("</body></html>\n");
    assertThat(html.split("<table>", -1)).hasSize(4); // results, quality bar, calibration
    // What publish --report attaches to the model for the console's plots.
    ModelEvaluation evaluation =
        new ObjectMapper()
            .readValue(report.resolve("evaluation.json").toFile(), ModelEvaluation.class);
    assertThat(evaluation.results())
        .hasSize(6 * 2) // as many as CSV rows
        .anySatisfy(
            r -> {
              assertThat(r.selector()).isEqualTo("model");
              assertThat(r.budgetBytes()).isEqualTo(16L << 20);
              assertThat(r.hitRate()).isBetween(0.0, 1.0);
              assertThat(r.userDays()).isPositive();
            });
    assertThat(evaluation.calibration()).isNotEmpty();
    assertThat(evaluation.topFeatures()).isNotEmpty();
    assertThat(evaluation.fromDay()).isNotEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("model")
        .contains("oracle")
        .contains("16MB");
  }

  @Test
  void anUnknownAlgorithmIsBadUsage() {
    assertThat(
            run(
                "train",
                "--data",
                data.toString(),
                "--train-days",
                "1..5",
                "--algo",
                "forest",
                "--out",
                tmp.resolve("x.zip").toString()))
        .isEqualTo(2);
    assertThat(error())
        .isEqualTo(
            "primer train: unknown algorithm 'forest', expected one of: logreg, xgboost, cart");
  }

  @Test
  void daysOutsideTheDataSetAreBadUsage() {
    assertThat(
            run(
                "train",
                "--data",
                data.toString(),
                "--train-days",
                "1..40",
                "--out",
                tmp.resolve("x.zip").toString()))
        .isEqualTo(2);
    assertThat(error())
        .contains("--train-days 1..40 lies outside the data set, which has days 1..28");
  }

  @Test
  void evaluationDaysOverlappingTheTrainingDaysAreBadUsage() {
    assertThat(
            run(
                "evaluate",
                "--data",
                data.toString(),
                "--model",
                bundle.toString(),
                "--eval-days",
                "18..24"))
        .isEqualTo(2);
    assertThat(error()).contains("overlap the days the model was trained on");
  }

  @Test
  void aBudgetThatDoesNotParseIsBadUsage() {
    assertThat(
            run(
                "evaluate",
                "--data",
                data.toString(),
                "--model",
                bundle.toString(),
                "--eval-days",
                "22..28",
                "--budgets",
                "64MB,lots"))
        .isEqualTo(2);
    assertThat(error()).contains("budget 'lots' does not parse");
  }

  @Test
  void aCorruptBundleIsBadUsage() throws IOException {
    Path corrupt = tmp.resolve("corrupt.zip");
    byte[] bytes = Files.readAllBytes(bundle);
    Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertThat(
            run(
                "evaluate",
                "--data",
                data.toString(),
                "--model",
                corrupt.toString(),
                "--eval-days",
                "22..28"))
        .isEqualTo(2);
    assertThat(error()).startsWith("primer evaluate: --model " + corrupt);
    assertThat(error().lines()).hasSize(1);
  }

  @Test
  void aBundleFromAnOlderFeatureSchemaIsRefusedSayingWhatDiffers() throws URISyntaxException {
    Path old = Path.of(getClass().getResource("/bundles/features-0-logreg.zip").toURI());
    assertThat(
            run(
                "evaluate",
                "--data",
                data.toString(),
                "--model",
                old.toString(),
                "--eval-days",
                "22..28"))
        .isEqualTo(2);
    assertThat(error())
        .contains("trained on feature schema primer-features-0")
        .contains("only in primer-features-0: hours_to_next_appt")
        .contains("only in primer-features-1: days_to_next_appt, any_appt_soon");
  }

  @Test
  void aFileThatIsNoBundleIsBadUsage() throws IOException {
    Path text = tmp.resolve("notes.zip");
    Files.writeString(text, "not a zip");
    assertThat(
            run(
                "evaluate",
                "--data",
                data.toString(),
                "--model",
                text.toString(),
                "--eval-days",
                "22..28"))
        .isEqualTo(2);
    assertThat(error()).contains("not a Primer model bundle");
  }
}

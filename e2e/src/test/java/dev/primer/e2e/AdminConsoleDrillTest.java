package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admin console in a real browser: Debian's Chromium, headless, driven by Playwright ({@code
 * e2e/browser/console-drill.mjs}) against the packaged service. Screenshots of every page are kept
 * under {@code e2e/target/screenshots}.
 */
class AdminConsoleDrillTest {
  private static final Path BROWSER = Repo.root().resolve("e2e/browser");
  private static final Path SCREENSHOTS = Repo.root().resolve("e2e/target/screenshots");

  @Test
  void anAdminDrawsAnInvalidTerritoryFixesItPreviewsActivatesAndTheNextManifestChanges()
      throws Exception {
    Path chromium = Path.of(System.getProperty("primer.chromium", "/usr/bin/chromium"));
    assertThat(chromium)
        .as("Chromium for the browser drill (bin/ensure-browser installs it)")
        .isExecutable();
    npmCi();
    try (ServiceProcess service =
        ServiceProcess.start("primer_e2e_console", Instant.parse("2026-03-02T04:00:00Z"))) {
      Drills.SmallOrg org = Drills.SmallOrg.load(new Http(service.url()));
      List<String> cmd = new ArrayList<>();
      cmd.add("node");
      cmd.add(BROWSER.resolve("console-drill.mjs").toString());
      cmd.add(service.url());
      cmd.add(DevTokens.of("admin-1", "admin"));
      // The other rep has no territory: the one drawn around account a1 gives them its records.
      cmd.add(DevTokens.of(org.otherUser(), "device"));
      cmd.add(org.otherDeviceId());
      cmd.add(org.otherUser());
      cmd.add("41.88,-87.63");
      cmd.add(SCREENSHOTS.toString());
      ProcessBuilder drill = new ProcessBuilder(cmd).redirectErrorStream(true);
      drill.environment().put("PRIMER_CHROMIUM", chromium.toString());
      Process p = drill.start();
      StringBuilder printed = new StringBuilder();
      try (BufferedReader lines =
              new BufferedReader(
                  new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
          Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          printed.append(line).append('\n');
          if (line.equals("waiting for a model")) {
            // After the territory steps: an active model would have changed the manifests.
            publishAnEvaluatedModel(service);
            in.write("published\n");
            in.flush();
          }
        }
      }
      assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
      String out = printed.toString();
      System.out.print("console drill:\n" + out);
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).doesNotContain("FAILED").contains("ok logging-out-ends-the-session");
    }
  }

  /**
   * What a data scientist does before the models page has something to show: trains on a generated
   * organisation, evaluates against the baselines with a report, and publishes the bundle with the
   * report attached (the first model: it becomes the active one).
   */
  private static void publishAnEvaluatedModel(ServiceProcess service) throws IOException {
    Drills.GeneratedOrg data = Drills.GeneratedOrg.generate(7);
    Path work = Files.createDirectories(Repo.root().resolve("e2e/target/console-model"));
    Path model = work.resolve("model.zip");
    Path report = work.resolve("report");
    Drills.training(
        "train",
        "--data",
        data.data().toString(),
        "--train-days",
        "1..50",
        "--out",
        model.toString());
    Drills.training(
        "evaluate",
        "--data",
        data.data().toString(),
        "--model",
        model.toString(),
        "--eval-days",
        "51..53",
        "--budgets",
        "64MB,256MB",
        "--report",
        report.toString(),
        "--quiet");
    String published =
        Drills.training(
            "publish",
            "--model",
            model.toString(),
            "--report",
            report.toString(),
            "--server",
            service.url(),
            "--token",
            DevTokens.of("drill-scientist", "data-scientist"));
    assertThat(published).contains("\"evaluation\"", "\"selector\" : \"territory\"");
  }

  /** Installs playwright-core from the committed lockfile, once per lockfile. */
  private static void npmCi() throws IOException, InterruptedException {
    Path installed = BROWSER.resolve("node_modules/.package-lock.json");
    if (Files.exists(installed)
        && Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(BROWSER.resolve("package-lock.json")))
            > 0) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(BROWSER.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(npm.exitValue()).as("npm ci in e2e/browser: " + out).isZero();
  }
}

package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
      System.out.print("console drill:\n" + out);
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).doesNotContain("FAILED").contains("ok logging-out-ends-the-session");
    }
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

package dev.primer.testdata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.cli.CommandLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return CommandLines.run(
        new DataCli(),
        args,
        new PrintWriter(out, true, StandardCharsets.UTF_8),
        new PrintWriter(err, true, StandardCharsets.UTF_8));
  }

  private String errLines() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generatesADataSetAndPrintsItsSummary() {
    Path target = dir.resolve("ds");
    int code =
        run(
            "generate",
            "--scale",
            "small",
            "--seed",
            "4",
            "--days",
            "7",
            "--quiet",
            "--out",
            target.toString());
    assertThat(code).isEqualTo(0);
    assertThat(target.resolve("dataset.json")).exists();
    assertThat(dir.resolve("ds.partial")).doesNotExist();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("scale small, seed 4")
        .contains("20 users")
        .contains("600 accounts");
  }

  @Test
  void rejectsAnUnknownScaleWithExitCode2AndOneLine() {
    assertThat(run("generate", "--scale", "huge", "--out", dir.resolve("x").toString()))
        .isEqualTo(2);
    assertThat(errLines().lines().findFirst().orElseThrow())
        .isEqualTo("data generate: unknown scale 'huge', expected one of: small, medium, large");
  }

  @Test
  void rejectsANegativeSeed() {
    assertThat(run("generate", "--seed", "-5", "--out", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(errLines()).contains("--seed must be >= 0, was -5");
  }

  @Test
  void rejectsAnUnknownBehaviourKey() throws IOException {
    Path config = dir.resolve("b.yaml");
    Files.writeString(config, "habits:\n  strenght: 0.9\n");
    assertThat(
            run("generate", "--behaviour", config.toString(), "--out", dir.resolve("x").toString()))
        .isEqualTo(2);
    assertThat(errLines()).contains("unknown behaviour key habits.strenght");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void rejectsAnUnreadableBehaviourFile() {
    assertThat(
            run(
                "generate",
                "--behaviour",
                dir.resolve("nope.yaml").toString(),
                "--out",
                dir.resolve("x").toString()))
        .isEqualTo(2);
    assertThat(errLines()).contains("cannot read behaviour config");
  }

  @Test
  void refusesToWriteIntoADirectoryThatHoldsOtherFiles() throws IOException {
    Path target = dir.resolve("mine");
    Files.createDirectories(target);
    Files.writeString(target.resolve("notes.txt"), "precious");
    assertThat(run("generate", "--out", target.toString(), "--overwrite")).isEqualTo(2);
    assertThat(errLines()).contains("holds no dataset.json; refusing to overwrite it");
    assertThat(target.resolve("notes.txt")).hasContent("precious");
  }

  @Test
  void missingOutIsBadUsage() {
    assertThat(run("generate")).isEqualTo(2);
    assertThat(errLines())
        .contains("Missing required option: '--out=DIR'")
        .contains("(see --help)");
  }
}

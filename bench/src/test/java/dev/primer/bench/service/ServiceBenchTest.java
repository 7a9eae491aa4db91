package dev.primer.bench.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServiceBenchTest {
  @Test
  void theBuildDurationIsReadFromServerTimingAmongOtherMetrics() {
    assertThat(ServiceBench.buildMillis("build;dur=19.58")).isEqualTo(19.58);
    assertThat(ServiceBench.buildMillis("db;dur=3, build ; desc=\"x\" ; dur=7.5")).isEqualTo(7.5);
  }

  @Test
  void anAnswerWithoutABuildDurationGivesNaN() {
    assertThat(ServiceBench.buildMillis("")).isNaN();
    assertThat(ServiceBench.buildMillis("db;dur=3")).isNaN();
    assertThat(ServiceBench.buildMillis("build;dur=soon")).isNaN();
  }

  @Test
  void withoutServerOrDataItIsBadUsageSaidInOneLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        ServiceBench.run(
            new String[] {"--devices", "2"}, new PrintStream(out), new PrintStream(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("primer bench service: --server and --data are required (see --help)\n");
  }
}

package dev.primer.bench.service;

import static org.assertj.core.api.Assertions.assertThat;

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
}

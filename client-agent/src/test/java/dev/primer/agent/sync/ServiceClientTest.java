package dev.primer.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceClientTest {
  private static final String PROPERTY = "primer.agent.test-timeout";

  @AfterEach
  void clear() {
    System.clearProperty(PROPERTY);
  }

  @Test
  void aTimeoutPropertyIsReadInMillisecondsSecondsOrMinutesAndDefaultsWhenUnset() {
    assertThat(ServiceClient.duration(PROPERTY, "10s")).isEqualTo(Duration.ofSeconds(10));
    System.setProperty(PROPERTY, "500ms");
    assertThat(ServiceClient.duration(PROPERTY, "10s")).isEqualTo(Duration.ofMillis(500));
    System.setProperty(PROPERTY, " 2m ");
    assertThat(ServiceClient.duration(PROPERTY, "10s")).isEqualTo(Duration.ofMinutes(2));
    System.setProperty(PROPERTY, "45");
    assertThat(ServiceClient.duration(PROPERTY, "10s")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void aTimeoutPropertyThatIsNotADurationIsRefusedNamingTheProperty() {
    System.setProperty(PROPERTY, "soon");
    assertThatThrownBy(() -> ServiceClient.duration(PROPERTY, "10s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(PROPERTY + " must be like 60s, 2m or 500ms, was 'soon'");
  }
}

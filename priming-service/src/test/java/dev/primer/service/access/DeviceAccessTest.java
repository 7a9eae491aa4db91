package dev.primer.service.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.service.problem.ProblemException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceAccessTest {
  private final Map<String, DeviceOwner> table = new HashMap<>();
  private int lookups;
  private final DeviceAccess access = new DeviceAccess();

  DeviceAccessTest() {
    access.owners =
        id -> {
          lookups++;
          return Optional.ofNullable(table.get(id));
        };
    table.put("d-1", new DeviceOwner("d-1", "u1", Optional.empty()));
  }

  private static int status(Runnable call) {
    try {
      call.run();
    } catch (ProblemException e) {
      return e.status();
    }
    return 200;
  }

  @Test
  void theOwnerGetsItsDeviceAndOthersAreRefused() {
    assertThat(access.owned("d-1", "u1").userId()).isEqualTo("u1");
    assertThat(status(() -> access.owned("d-1", "u2"))).isEqualTo(403);
    assertThat(status(() -> access.owned("d-x", "u1"))).isEqualTo(404);
  }

  @Test
  void aDeviceIsLookedUpOnceAndItsRevocationCountsAtOnce() {
    access.owned("d-1", "u1");
    access.owned("d-1", "u1");
    assertThat(lookups).isEqualTo(1);
    access.revoked(
        new DeviceOwner("d-1", "u1", Optional.of(Instant.parse("2026-12-01T00:00:00Z"))));
    assertThatThrownBy(() -> access.owned("d-1", "u1"))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo("device-revoked"))
        .hasMessageContaining("2026-12-01T00:00:00Z");
  }
}

package dev.primer.service.manifest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The clock pinned to 2026-03-02T03:00:00Z (the evening of March 1st in Chicago, so manifests are
 * for March 2nd), a short snapshot debounce, and no nightly schedule.
 */
public class ManifestTestProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "primer.clock.now", "2026-03-02T03:00:00Z",
        "primer.manifest.snapshot-debounce", "PT0.2S",
        "primer.precompute.cron", "off",
        "primer.precompute.threads", "2");
  }
}

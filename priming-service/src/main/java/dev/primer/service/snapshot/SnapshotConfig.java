package dev.primer.service.snapshot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the org snapshot is kept current. Its one key keeps the name it had when manifests owned it
 * ({@code primer.manifest.snapshot-debounce}), so this mapping shares that prefix; the manifest's
 * own keys are {@code manifest.ManifestConfig}.
 */
@ConfigMapping(prefix = "primer.manifest")
public interface SnapshotConfig {
  /** How long to wait after an org data change before rebuilding the snapshot. */
  @WithDefault("PT2S")
  Duration snapshotDebounce();
}

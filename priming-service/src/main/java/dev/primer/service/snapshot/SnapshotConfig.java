package dev.primer.service.snapshot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the org snapshot is kept current ({@code primer.snapshot.*}). */
@ConfigMapping(prefix = "primer.snapshot")
public interface SnapshotConfig {
  /**
   * How long to wait after an org data change before rebuilding the snapshot (the old name {@code
   * primer.manifest.snapshot-debounce} is still read: see application.properties).
   */
  @WithDefault("PT2S")
  Duration debounce();
}

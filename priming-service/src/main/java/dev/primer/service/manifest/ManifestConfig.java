package dev.primer.service.manifest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How manifests are built ({@code primer.manifest.*}). */
@ConfigMapping(prefix = "primer.manifest")
public interface ManifestConfig {
  /**
   * Local time a rep's shift starts: before it a manifest is for today, from it on for tomorrow.
   */
  @WithDefault("07:00")
  String shiftStart();

  /**
   * The baseline that selects while no model is active: the best baseline of model-training's
   * results (appointments, recent, frequent or territory).
   */
  @WithDefault("territory")
  String fallbackBaseline();

  /** The largest budget a device may ask for, in bytes (default 64 GiB). */
  @WithDefault("68719476736")
  long maxBudget();

  /**
   * Budgets per user and day whose selections asked on demand are stored; more are computed when
   * asked (the nightly precompute stores its devices' budgets regardless).
   */
  @WithDefault("4")
  int storedBudgetsPerUser();

  /** Generations kept per device for deltas; asking since an older one gets the full manifest. */
  @WithDefault("20")
  int keptGenerations();

  /**
   * Memory for the selections served most recently (per user and budget; others are read back from
   * the database): about 0.5 MB per medium rep at 256 MiB, so the default holds some 550.
   */
  @WithDefault("256M")
  MemorySize selectionCache();
}

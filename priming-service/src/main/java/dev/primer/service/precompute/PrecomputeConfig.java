package dev.primer.service.precompute;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** The nightly precompute ({@code primer.precompute.*}). */
@ConfigMapping(prefix = "primer.precompute")
public interface PrecomputeConfig {
  /**
   * When the nightly run starts (Quarkus cron: seconds minutes hours day month weekday); "off"
   * disables it. Default 22:00 every day, in the service's zone, ahead of the overnight window.
   */
  @WithDefault("0 0 22 * * ?")
  String cron();

  /** Users computed at once; default the number of processors. */
  OptionalInt threads();

  /** The budget computed for users whose devices never asked for a manifest (default 256 MiB). */
  @WithDefault("268435456")
  long defaultBudget();

  /**
   * The longest one user's selections may take (default 60 s; a medium rep takes some 20 ms): a
   * user over it is stopped and reported as failed, and the run goes on with the others.
   */
  @WithDefault("PT60S")
  Duration userTimeBudget();
}

package dev.primer.service.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The service's own settings under {@code primer.*} (environment: {@code PRIMER_*}, e.g.
 * PRIMER_BLOBS_DIR). Every key has a documented default; the README lists them in a table.
 */
@ConfigMapping(prefix = "primer")
public interface PrimerConfig {
  /** Where large record content is stored. */
  Blobs blobs();

  /** Body-size limits of the upload endpoints; a larger body gets a 413 problem document. */
  Limits limits();

  /** The service clock. */
  ClockSettings clock();

  /** The organisation's choices in who may read which account's records. */
  VisibilitySettings visibility();

  /** See priming-core's visibility.VisibilityRules; owner, territory and shares always read. */
  interface VisibilitySettings {
    /** Whether users read the accounts their teammates own (primer.visibility.team-accounts). */
    @WithDefault("true")
    boolean teamAccounts();
  }

  /** Large-content storage. */
  interface Blobs {
    /** The directory of the content-addressed blob store (primer.blobs.dir). */
    @WithDefault("${user.home}/.primer/blobs")
    Path dir();

    /**
     * How old an unreferenced blob or an abandoned upload must be before the collector deletes it
     * (primer.blobs.gc-grace): devices still downloading a superseded blob get this long.
     */
    @WithDefault("24H")
    Duration gcGrace();

    /** How often the blob collector runs (primer.blobs.gc-every). */
    @WithDefault("1H")
    Duration gcEvery();
  }

  /** Upload limits, as sizes like 64M or 2G. */
  interface Limits {
    /** Largest import body after gzip decoding (primer.limits.import). */
    @WithDefault("1G")
    MemorySize importBody();

    /** Largest record content (primer.limits.content). */
    @WithDefault("2G")
    MemorySize content();

    /** Largest calendar (primer.limits.calendar). */
    @WithDefault("16M")
    MemorySize calendar();

    /** Largest territory Feature or FeatureCollection (primer.limits.territory). */
    @WithDefault("16M")
    MemorySize territory();

    /** Largest model bundle (primer.limits.model); priming-core refuses more than 512M anyway. */
    @WithDefault("512M")
    MemorySize model();

    /**
     * Bytes a model bundle may inflate to, over all its entries, counted while it is read
     * (primer.limits.model-uncompressed): a zip bomb stops here.
     */
    @WithDefault("256M")
    MemorySize modelUncompressed();

    /** Entries a model bundle may hold; a bundle has five (primer.limits.model-entries). */
    @WithDefault("16")
    int modelEntries();

    /** Events (VEVENTs) one calendar may hold (primer.limits.calendar-events). */
    @WithDefault("5000")
    int calendarEvents();
  }

  /** Settings of the clock. */
  interface ClockSettings {
    /**
     * Pins "now" to an instant (primer.clock.now, e.g. 2026-05-04T02:00:00Z) for demos and tests
     * that replay a data set's period; unset means the system clock.
     */
    Optional<Instant> now();
  }

  /** Enrolment limits and device tokens. */
  DeviceSettings devices();

  /** Devices per user and the opaque tokens the service gives them. */
  interface DeviceSettings {
    /** At most this many devices (not revoked) per user; one more enrolment gets a 409. */
    @WithDefault("5")
    int maxPerUser();

    /** How long a device token is valid; the agent renews it before then. */
    @WithDefault("30D")
    Duration tokenLifetime();
  }

  /** How many uploads and answer streams run at once, and how slowly they may move. */
  Traffic traffic();

  /**
   * Bounds on slow or piled-up transfers (request bodies of POST/PUT, records:fetch and blob
   * answers), so that slow clients cannot hold the service's threads and memory.
   */
  interface Traffic {
    /** At most this many such transfers per caller (bearer token) at once; more get a 429. */
    @WithDefault("16")
    int streamsPerCaller();

    /**
     * At most this many such transfers in all at once; more get a 503 with Retry-After. A backstop
     * for memory: 200 agents syncing at once run up to 1,000 (a fetch and three blobs each).
     */
    @WithDefault("1024")
    int streams();

    /** A transfer slower than this (bytes per second, averaged) after the grace is cut off. */
    @WithDefault("1K")
    MemorySize minRate();

    /** How long a transfer may take before its rate counts; also the checking interval. */
    @WithDefault("10S")
    Duration grace();
  }
}

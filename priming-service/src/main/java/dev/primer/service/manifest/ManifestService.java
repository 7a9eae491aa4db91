package dev.primer.service.manifest;

import dev.primer.protocol.manifest.Manifest;
import dev.primer.protocol.manifest.ManifestDelta;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.access.DeviceAccess;
import dev.primer.service.access.DeviceOwner;
import dev.primer.service.device.LastSyncs;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.selection.SelectionService;
import dev.primer.service.selection.UserSelection;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds a device's manifest: its user's selection, numbered as a generation, full or as a delta.
 */
@ApplicationScoped
public class ManifestService {
  @Inject DeviceAccess devices;
  @Inject SelectionService selections;
  @Inject Generations generations;
  @Inject ManifestConfig config;
  @Inject MeterRegistry meters;
  @Inject LastSyncs lastSyncs;

  private Timer buildTimer;
  private DistributionSummary bytesSummary;

  @PostConstruct
  void init() {
    buildTimer =
        Timer.builder("primer.manifest.build")
            .description("Time to answer a manifest request (selection, generation, delta)")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(meters);
    bytesSummary =
        DistributionSummary.builder("primer.manifest.bytes")
            .description("Bytes of content listed by the manifests served")
            .baseUnit("bytes")
            .register(meters);
  }

  /**
   * The answer to a manifest request: the manifest, its ETag, and the nanoseconds it took to build
   * (selection, generation, delta; not the writing of the JSON).
   */
  public record Answer(String etag, Manifest manifest, long buildNanos) {
    /** The build time as a W3C Server-Timing header value, in milliseconds. */
    public String serverTiming() {
      return String.format(java.util.Locale.ROOT, "build;dur=%.2f", buildNanos / 1e6);
    }
  }

  /** Parses and checks the budget query parameter. */
  public long budget(Optional<String> raw) {
    if (raw.isEmpty() || raw.get().isBlank()) {
      throw ProblemException.badRequest("invalid-budget", "budget", "is required (bytes)");
    }
    long budget;
    try {
      budget = Long.parseLong(raw.get().strip());
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(
          "invalid-budget", "budget", "must be a whole number of bytes, was '" + raw.get() + "'");
    }
    if (budget <= 0) {
      throw ProblemException.badRequest("invalid-budget", "budget", "must be > 0, was " + budget);
    }
    if (budget > config.maxBudget()) {
      throw ProblemException.badRequest(
          "invalid-budget",
          "budget",
          "must be at most " + config.maxBudget() + " bytes, was " + budget);
    }
    return budget;
  }

  /** Parses the since query parameter. */
  public OptionalLong since(Optional<String> raw) {
    if (raw.isEmpty() || raw.get().isBlank()) {
      return OptionalLong.empty();
    }
    try {
      long since = Long.parseLong(raw.get().strip());
      if (since < 0) {
        throw new NumberFormatException();
      }
      return OptionalLong.of(since);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(
          "invalid-since", "since", "must be a generation number >= 0, was '" + raw.get() + "'");
    }
  }

  /** The device's manifest for the budget, as a delta when {@code since} names a kept one. */
  public Answer manifest(String deviceId, String callerUserId, long budget, OptionalLong since) {
    long t0 = System.nanoTime();
    DeviceOwner device = devices.owned(deviceId, callerUserId);
    lastSyncs.manifestAsked(deviceId);
    UserSelection s = selections.selectionFor(device.userId(), budget);
    ManifestContent content = s.content();
    String hash = s.contentHash();
    long generation = generations.resolve(deviceId, content, hash, s::storedForm, s.builtAt());
    String etag = "\"" + generation + "-" + hash.substring(0, 16) + "\"";
    Optional<Generations.Stored> old =
        since.isPresent() ? generations.find(deviceId, since.getAsLong()) : Optional.empty();
    List<ManifestEntry> none = List.of();
    Manifest view;
    if (old.isPresent()) {
      ManifestDelta delta = ManifestDelta.between(old.get().entries(), content.entries());
      view =
          new Manifest(
              deviceId,
              device.userId(),
              generation,
              since.getAsLong(),
              false,
              etag,
              s.day().toString(),
              s.modelId(),
              s.selector(),
              s.note(),
              s.budget(),
              s.bytes(),
              s.builtAt().toString(),
              none,
              delta.added(),
              delta.changed(),
              delta.removed(),
              delta.order(),
              s.notFitted());
    } else {
      view =
          new Manifest(
              deviceId,
              device.userId(),
              generation,
              since.orElse(0),
              true,
              etag,
              s.day().toString(),
              s.modelId(),
              s.selector(),
              s.note(),
              s.budget(),
              s.bytes(),
              s.builtAt().toString(),
              s.entries(),
              none,
              none,
              List.of(),
              List.of(),
              s.notFitted());
    }
    long nanos = System.nanoTime() - t0;
    buildTimer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    bytesSummary.record(s.bytes());
    return new Answer(etag, view, nanos);
  }
}

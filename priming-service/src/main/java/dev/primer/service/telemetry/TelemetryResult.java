package dev.primer.service.telemetry;

import java.util.List;

/** The answer to a telemetry upload. */
public record TelemetryResult(
    int accepted, int duplicates, List<TelemetryParser.Rejected> rejected) {}

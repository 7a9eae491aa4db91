package dev.primer.protocol;

/**
 * A line of an NDJSON upload (an import, telemetry) that was refused: its number (from 1) and why.
 */
public record RejectedLine(long line, String reason) {}

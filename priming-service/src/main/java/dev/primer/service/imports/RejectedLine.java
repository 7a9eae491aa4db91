package dev.primer.service.imports;

/** A line an import refused: its number (from 1) and why. */
public record RejectedLine(long line, String reason) {}

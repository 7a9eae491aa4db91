package dev.primer.agent.store;

/**
 * A visible entry as {@code verify} reads it: its content row and, when inline, its sealed body.
 */
public record VisibleEntry(
    String recordId, String sha256, long contentId, boolean blob, byte[] body) {}

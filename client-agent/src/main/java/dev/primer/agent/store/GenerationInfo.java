package dev.primer.agent.store;

/**
 * What identifies a manifest generation.
 *
 * @param generation the service's generation number
 * @param etag the manifest's ETag
 * @param modelId the model that selected it (empty for a fallback)
 * @param selector "model" or "fallback:NAME"
 * @param day the day it was selected for
 * @param builtAt when the service built it
 */
public record GenerationInfo(
    long generation, String etag, String modelId, String selector, String day, String builtAt) {}

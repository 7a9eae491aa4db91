package dev.primer.service.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/** A model as the registry shows it: where it came from, how it trained, whether it is active. */
public record ModelEntry(
    String id,
    Instant uploadedAt,
    String featureSchema,
    JsonNode provenance,
    JsonNode summary,
    boolean active,
    Optional<Instant> activatedAt) {}

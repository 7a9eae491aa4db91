package dev.primer.service.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.protocol.model.ModelEvaluation;
import java.time.Instant;
import java.util.Optional;

/**
 * A model as the registry shows it: where it came from, how it trained, how it did in its
 * evaluation (when a report was attached), whether it is active.
 */
public record ModelEntry(
    String id,
    Instant uploadedAt,
    String featureSchema,
    JsonNode provenance,
    JsonNode summary,
    Optional<ModelEvaluation> evaluation,
    boolean active,
    Optional<Instant> activatedAt) {}

package dev.primer.service.model;

import dev.primer.core.scoring.ModelBundle;

/** The model the service scores with: its registry id and its loaded bundle. */
public record ActiveModel(String id, ModelBundle bundle) {}

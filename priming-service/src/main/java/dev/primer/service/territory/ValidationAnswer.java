package dev.primer.service.territory;

import java.util.List;

/** What the validator says about a Feature or FeatureCollection: valid means no errors. */
public record ValidationAnswer(
    boolean valid, int territories, List<TerritoryProblemView> problems) {}

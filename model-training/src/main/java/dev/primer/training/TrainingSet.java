package dev.primer.training;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Training examples with how they were drawn.
 *
 * @param candidateRecall the share of the training days' accesses that candidate generation
 *     proposed: the ceiling on what any model trained and served on these candidates can reach
 */
public record TrainingSet(
    MutableDataset<Label> examples,
    long userDays,
    long positives,
    long negativesKept,
    long negativesSeen,
    double negativeWeight,
    double candidateRecall) {}

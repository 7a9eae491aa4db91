package dev.primer.core.selection;

/**
 * One record chosen for a device.
 *
 * @param record the record's catalog index
 * @param score the predicted probability of use that day (1 for baselines without one)
 * @param reason why, for people ("appointment Tue 09:00 at ACME Pumps")
 */
public record SelectionEntry(int record, Tier tier, double score, String reason) {}

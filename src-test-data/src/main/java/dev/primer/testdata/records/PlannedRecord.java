package dev.primer.testdata.records;

import dev.primer.core.dataset.CrmRecord;

/**
 * A record as the simulation sees it.
 *
 * @param popularity how much more often than its type's average this record is opened
 * @param rank 0 for the newest record of its type at the account, 1 for the next, ...
 * @param person for contacts, the person's "First Last"; empty otherwise
 */
public record PlannedRecord(CrmRecord record, double popularity, int rank, String person) {}

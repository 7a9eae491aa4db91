package dev.primer.service.imports;

/** What one batch upsert did. */
record Counts(long inserted, long updated, long unchanged) {}

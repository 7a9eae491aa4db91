package dev.primer.agent.store;

/**
 * One search result.
 *
 * @param recordId the record
 * @param type its type
 * @param title its title
 * @param score relevance, higher is better (negated BM25)
 */
public record SearchHit(String recordId, String type, String title, double score) {}

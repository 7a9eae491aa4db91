package dev.primer.service.content;

/** The answer to a content upload: the content's address and size. */
public record ContentAnswer(String recordId, long version, String sha256, long sizeBytes) {}

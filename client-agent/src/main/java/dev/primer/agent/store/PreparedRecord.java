package dev.primer.agent.store;

/**
 * A verified record ready for the store: fields already encrypted, so the writer only inserts (the
 * search index tokenises it later, see {@link SearchIndex}).
 *
 * @param recordId the record
 * @param sha256 the verified sha256 of its content
 * @param version its version
 * @param accountId its account
 * @param type its type
 * @param updatedAt when it last changed, ISO-8601
 * @param sizeBytes its content size
 * @param title encrypted title
 * @param body encrypted inline content, empty when the content is a blob file
 * @param blob whether the content lives in the blob directory under its sha256
 * @param related encrypted comma-separated related ids
 */
public record PreparedRecord(
    String recordId,
    String sha256,
    long version,
    String accountId,
    String type,
    String updatedAt,
    long sizeBytes,
    byte[] title,
    byte[] body,
    boolean blob,
    byte[] related) {}

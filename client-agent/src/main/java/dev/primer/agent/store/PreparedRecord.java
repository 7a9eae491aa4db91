package dev.primer.agent.store;

/**
 * A verified record ready for the store: fields already encrypted and search tokens already hashed,
 * so the writer only inserts.
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
 * @param titleTokens hashed tokens of the title
 * @param bodyTokens hashed tokens of the content (empty for binary content)
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
    byte[] related,
    String titleTokens,
    String bodyTokens) {}

package dev.primer.agent.store;

import java.util.List;
import java.util.Optional;

/**
 * A record as the rep sees it on the device, decrypted.
 *
 * @param recordId the record
 * @param version its version
 * @param accountId its account
 * @param type its type
 * @param updatedAt when it last changed
 * @param sizeBytes its content size
 * @param sha256 its content hash
 * @param title its title
 * @param content its inline content; empty when the content is a blob file
 * @param relatedIds related records
 * @param reason why the manifest chose it
 */
public record StoredRecord(
    String recordId,
    long version,
    String accountId,
    String type,
    String updatedAt,
    long sizeBytes,
    String sha256,
    String title,
    Optional<byte[]> content,
    List<String> relatedIds,
    String reason) {}

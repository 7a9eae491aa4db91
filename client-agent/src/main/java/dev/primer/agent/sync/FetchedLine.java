package dev.primer.agent.sync;

import java.util.List;

/**
 * One line of a records:fetch answer: a record with inline content, a record whose content is a
 * blob, or an error for an id.
 *
 * @param id the record id
 * @param accountId its account
 * @param type its type
 * @param title its title
 * @param version its version
 * @param sizeBytes its content size
 * @param sha256 its content hash
 * @param updatedAt when it last changed
 * @param relatedIds related records
 * @param contentBase64 inline content (Jackson decodes the base64)
 * @param blob the blob's sha256 when the content is large
 * @param error why the id could not be served
 */
public record FetchedLine(
    String id,
    String accountId,
    String type,
    String title,
    long version,
    long sizeBytes,
    String sha256,
    String updatedAt,
    List<String> relatedIds,
    byte[] contentBase64,
    String blob,
    String error) {

  public FetchedLine {
    accountId = accountId == null ? "" : accountId;
    type = type == null ? "" : type;
    title = title == null ? "" : title;
    updatedAt = updatedAt == null ? "" : updatedAt;
    relatedIds = relatedIds == null ? List.of() : relatedIds;
  }
}

package dev.primer.protocol.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One line of a records:fetch answer: a record with its content inline, a record whose content is a
 * blob to download ({@code GET /v1/blobs/{blob}}), or an error for an id that cannot be served.
 *
 * @param id the record id
 * @param accountId its account
 * @param type its type
 * @param title its title
 * @param version its version
 * @param sizeBytes its content size
 * @param sha256 its content hash, hex
 * @param updatedAt when it last changed (ISO instant)
 * @param relatedIds records it refers to
 * @param contentBase64 the inline content (base64 on the wire); empty for a blob or an error
 * @param blob the blob's sha256 when the content is not inline, else empty
 * @param error why the id is not served, else empty
 * @param fields the record's structured fields, what a rep can edit (left out of the JSON when
 *     empty)
 */
public record RecordLine(
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
    String error,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RecordField> fields) {

  private static final byte[] NONE = new byte[0];

  public RecordLine {
    id = Objects.requireNonNullElse(id, "");
    accountId = Objects.requireNonNullElse(accountId, "");
    type = Objects.requireNonNullElse(type, "");
    title = Objects.requireNonNullElse(title, "");
    sha256 = Objects.requireNonNullElse(sha256, "");
    updatedAt = Objects.requireNonNullElse(updatedAt, "");
    relatedIds = relatedIds == null ? List.of() : List.copyOf(relatedIds);
    contentBase64 = contentBase64 == null ? NONE : contentBase64;
    blob = Objects.requireNonNullElse(blob, "");
    error = Objects.requireNonNullElse(error, "");
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** A record whose content travels in the line. */
  public static RecordLine inline(
      String id,
      String accountId,
      String type,
      String title,
      long version,
      String sha256,
      String updatedAt,
      List<String> relatedIds,
      byte[] content) {
    return new RecordLine(
        id,
        accountId,
        type,
        title,
        version,
        content.length,
        sha256,
        updatedAt,
        relatedIds,
        content,
        "",
        "",
        List.of());
  }

  /** A record whose content is the blob named by its hash. */
  public static RecordLine inBlob(
      String id,
      String accountId,
      String type,
      String title,
      long version,
      long sizeBytes,
      String sha256,
      String updatedAt,
      List<String> relatedIds) {
    return new RecordLine(
        id,
        accountId,
        type,
        title,
        version,
        sizeBytes,
        sha256,
        updatedAt,
        relatedIds,
        NONE,
        sha256,
        "",
        List.of());
  }

  /** The line for an id that is not served, and why. */
  public static RecordLine refused(String id, String error) {
    return new RecordLine(id, "", "", "", 0, 0, "", "", List.of(), NONE, "", error, List.of());
  }

  /** This line with the record's structured fields. */
  public RecordLine withFields(List<RecordField> recordFields) {
    return new RecordLine(
        id,
        accountId,
        type,
        title,
        version,
        sizeBytes,
        sha256,
        updatedAt,
        relatedIds,
        contentBase64,
        blob,
        error,
        recordFields);
  }

  /** Whether this line is an error rather than a record. */
  public boolean isError() {
    return !error.isEmpty();
  }

  /** Whether the content is a blob to download rather than inline. */
  public boolean isBlob() {
    return !blob.isEmpty();
  }

  /**
   * Writes the line as the wire has it: an error line holds only {@code id} and {@code error}; a
   * record holds {@code contentBase64} or {@code blob}, not both. Written by hand because this is
   * the hottest path of the service (thousands of lines a second per device).
   */
  public void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", id);
    if (isError()) {
      g.writeStringField("error", error);
      g.writeEndObject();
      return;
    }
    g.writeStringField("accountId", accountId);
    g.writeStringField("type", type);
    g.writeStringField("title", title);
    g.writeNumberField("version", version);
    g.writeNumberField("sizeBytes", sizeBytes);
    g.writeStringField("sha256", sha256);
    g.writeStringField("updatedAt", updatedAt);
    g.writeArrayFieldStart("relatedIds");
    for (String r : relatedIds) {
      g.writeString(r);
    }
    g.writeEndArray();
    if (isBlob()) {
      g.writeStringField("blob", blob);
    } else {
      g.writeBinaryField("contentBase64", contentBase64);
    }
    if (!fields.isEmpty()) {
      g.writeArrayFieldStart("fields");
      for (RecordField f : fields) {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeStringField("value", f.value());
        g.writeNumberField("version", f.version());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordLine r
        && id.equals(r.id)
        && accountId.equals(r.accountId)
        && type.equals(r.type)
        && title.equals(r.title)
        && version == r.version
        && sizeBytes == r.sizeBytes
        && sha256.equals(r.sha256)
        && updatedAt.equals(r.updatedAt)
        && relatedIds.equals(r.relatedIds)
        && java.util.Arrays.equals(contentBase64, r.contentBase64)
        && blob.equals(r.blob)
        && error.equals(r.error)
        && fields.equals(r.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, sha256, error);
  }

  @Override
  public String toString() {
    return "RecordLine[id="
        + id
        + ", version="
        + version
        + ", sizeBytes="
        + sizeBytes
        + (isError() ? ", error=" + error : isBlob() ? ", blob" : ", inline")
        + "]";
  }
}

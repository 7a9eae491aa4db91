package dev.primer.service.edits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.service.problem.JsonErrors;
import dev.primer.service.problem.ProblemException;
import dev.primer.service.upload.BoundedInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A device's edit batch as it arrives: size-limited, parsed, then decided by {@link EditService}.
 */
@ApplicationScoped
public class EditUpload {
  /**
   * The largest batch body accepted (after gzip decoding): 500 operations of 50 fields of 4 KiB.
   */
  public static final long MAX_BODY = 16L * 1024 * 1024;

  private final EditService edits;
  private final ObjectMapper json;

  EditUpload(EditService edits, ObjectMapper json) {
    this.edits = edits;
    this.json = json;
  }

  /** Parses {@code body} (JSON, gzip when {@code encoding} says so) and decides its operations. */
  public EditReceipts upload(
      String deviceId, String callerUserId, String encoding, InputStream body) throws IOException {
    EditBatch batch;
    try {
      InputStream in = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(body) : body;
      batch = json.readValue(BoundedInput.of(in, MAX_BODY, "the edit batch"), EditBatch.class);
    } catch (ZipException e) {
      throw new ProblemException(
          400, "invalid-encoding", "Invalid encoding", "the body is not valid gzip");
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ProblemException(400, "invalid-json", "Invalid JSON", JsonErrors.describe(e));
    }
    if (batch == null) {
      throw new ProblemException(400, "invalid-json", "Invalid JSON", "the body is empty");
    }
    return edits.apply(deviceId, callerUserId, batch);
  }
}

package dev.primer.agent.edits;

import dev.primer.agent.sync.ServiceClient;
import dev.primer.protocol.edits.EditBatch;
import dev.primer.protocol.edits.EditReceipts;
import dev.primer.protocol.edits.OpenReviews;
import dev.primer.protocol.records.RecordLine;
import java.util.List;
import java.util.function.Consumer;

/**
 * The calls an upload makes: send operations, ask which reviews are still open, fetch the records
 * their receipts (or the review queue) changed.
 */
public interface EditEndpoint {
  /** {@code POST /v1/devices/{id}/edits}. */
  EditReceipts send(EditBatch batch);

  /** {@code records:fetch} for {@code ids}, one line each in order. */
  void fetch(List<String> ids, Consumer<RecordLine> lines);

  /** {@code GET /v1/devices/{id}/reviews}: this device's operations still open in review. */
  OpenReviews openReviews();

  /** The service as {@code client} reaches it, for device {@code deviceId}. */
  static EditEndpoint of(ServiceClient client, String deviceId) {
    return new EditEndpoint() {
      @Override
      public EditReceipts send(EditBatch batch) {
        return client.edits(deviceId, batch);
      }

      @Override
      public void fetch(List<String> ids, Consumer<RecordLine> lines) {
        client.fetch(deviceId, ids, lines);
      }

      @Override
      public OpenReviews openReviews() {
        return client.openReviews(deviceId);
      }
    };
  }
}

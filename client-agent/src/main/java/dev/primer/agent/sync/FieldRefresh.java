package dev.primer.agent.sync;

import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.StoredFields;
import dev.primer.agent.trust.ServerValues;
import dev.primer.protocol.client.RetryPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings the editable fields of held records up to the staged manifest's versions. A field change
 * on the service (an import, another rep's edit) raises the record's version but leaves its content
 * and hash as they were, so the download, which goes by hash, does not fetch it again; this pass
 * does, keeping only the fields. A store from before fields (layout 1) fetches every record once
 * this way.
 */
final class FieldRefresh {
  private final LocalStore store;
  private final ServiceClient client;
  private final String deviceId;
  private final RetryPolicy retrying;

  FieldRefresh(LocalStore store, ServiceClient client, String deviceId, RetryPolicy retrying) {
    this.store = store;
    this.client = client;
    this.deviceId = deviceId;
    this.retrying = retrying;
  }

  /** Refreshes in batches of {@code batchSize} ids until done or cancelled; the records written. */
  int run(int batchSize, CancelSignal cancel) {
    List<String> stale = store.staleFields();
    int written = 0;
    for (int i = 0; i < stale.size() && !cancel.cancelled(); i += batchSize) {
      List<String> chunk = stale.subList(i, Math.min(stale.size(), i + batchSize));
      Set<String> asked = new HashSet<>(chunk);
      List<StoredFields> fetched = new ArrayList<>();
      retrying.call(
          () -> {
            fetched.clear();
            client.fetch(
                deviceId,
                chunk,
                line -> {
                  if (asked.contains(line.id())
                      && !line.isError()
                      && ServerValues.fieldsProblem(line).isEmpty()) {
                    fetched.add(RecordPreparer.fields(line));
                  }
                });
            return fetched.size();
          },
          cancel::cancelled);
      store.putFields(fetched);
      written += fetched.size();
    }
    return written;
  }
}

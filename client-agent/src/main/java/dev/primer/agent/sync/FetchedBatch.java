package dev.primer.agent.sync;

import dev.primer.agent.store.PreparedRecord;
import dev.primer.agent.store.StoredFields;
import dev.primer.protocol.records.RecordLine;
import java.util.List;

/**
 * One records:fetch batch, verified and prepared off the writer thread.
 *
 * @param inline records whose inline content matched the manifest, sealed for the store
 * @param blobs lines whose content is a blob to download
 * @param refused lines the agent will not use, with why
 * @param errors ids the service did not serve, with its reason
 * @param inlineBytes the inline content bytes of {@code inline}
 * @param fields the editable fields of the records taken (inline or blob)
 */
record FetchedBatch(
    List<PreparedRecord> inline,
    List<RecordLine> blobs,
    List<String> refused,
    List<String> errors,
    long inlineBytes,
    List<StoredFields> fields) {}

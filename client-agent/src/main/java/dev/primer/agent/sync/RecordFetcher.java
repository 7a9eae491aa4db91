package dev.primer.agent.sync;

import dev.primer.agent.store.PreparedRecord;
import dev.primer.agent.store.StoredFields;
import dev.primer.agent.trust.ServerValues;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.records.RecordLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches one batch of records and checks every line against the manifest entry it answers: size,
 * hash, the values the agent keeps; what passes is sealed for the store.
 */
final class RecordFetcher {
  private final ServiceClient client;
  private final String deviceId;
  private final RecordPreparer preparer;

  RecordFetcher(ServiceClient client, String deviceId, RecordPreparer preparer) {
    this.client = client;
    this.deviceId = deviceId;
    this.preparer = preparer;
  }

  /** The verified answer for {@code batch}. */
  FetchedBatch fetch(List<ManifestEntry> batch) {
    Map<String, ManifestEntry> wanted = new HashMap<>();
    batch.forEach(e -> wanted.put(e.recordId(), e));
    List<PreparedRecord> inline = new ArrayList<>();
    List<RecordLine> blobs = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<StoredFields> fields = new ArrayList<>();
    long[] inlineBytes = new long[1];
    client.fetch(
        deviceId,
        batch.stream().map(ManifestEntry::recordId).toList(),
        line -> {
          ManifestEntry entry = wanted.get(line.id());
          if (entry == null) {
            errors.add(ServerValues.quoted(line.id()) + ": not asked for");
            return;
          }
          Optional<String> problem =
              ServerValues.problem(line, entry).or(() -> ServerValues.fieldsProblem(line));
          if (line.isError()) {
            errors.add(line.id() + ": " + ServerValues.quoted(line.error()));
          } else if (problem.isPresent()) {
            refused.add(line.id() + " (" + problem.get() + ")");
          } else if (line.isBlob()) {
            if (line.blob().equals(entry.sha256())) {
              // its fields are stored with the blob, once the blob is verified
              blobs.add(line);
            } else {
              refused.add(
                  line.id()
                      + " (blob "
                      + line.blob()
                      + " is not the manifest's "
                      + entry.sha256()
                      + ")");
            }
          } else {
            byte[] content = line.contentBase64();
            if (content.length != entry.sizeBytes()) {
              refused.add(
                  line.id()
                      + " (content of "
                      + content.length
                      + " bytes, the manifest says "
                      + entry.sizeBytes()
                      + ")");
            } else if (RecordPreparer.sha256(content).equals(entry.sha256())) {
              inline.add(preparer.inline(line, entry.sha256(), content));
              fields.add(RecordPreparer.fields(line));
              inlineBytes[0] += content.length;
            } else {
              refused.add(line.id() + " (sha256 mismatch)");
            }
          }
        });
    return new FetchedBatch(inline, blobs, refused, errors, inlineBytes[0], fields);
  }
}

package dev.primer.protocol.records;

import java.util.List;

/**
 * The body of {@code POST /v1/devices/{id}/records:fetch}: the ids wanted, answered one NDJSON
 * {@link RecordLine} each, in this order.
 */
public record FetchRequest(List<String> ids) {
  public FetchRequest {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }
}

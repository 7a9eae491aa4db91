package dev.primer.protocol.edits;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code POST /v1/devices/{id}/edits}: one receipt per operation sent, in the order
 * sent, resent operations included.
 *
 * @param receipts the receipts
 * @param highWater the highest sequence number of this device the service has decided, so far
 * @param serverTime the service's clock when it answered (ISO instant), for the device's offset
 */
public record EditReceipts(List<EditReceipt> receipts, long highWater, String serverTime) {
  public EditReceipts {
    receipts = receipts == null ? List.of() : List.copyOf(receipts);
    serverTime = Objects.requireNonNullElse(serverTime, "");
  }
}

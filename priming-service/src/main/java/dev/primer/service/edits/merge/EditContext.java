package dev.primer.service.edits.merge;

import java.time.Instant;

/**
 * The operation a field change belongs to, as the merge needs it.
 *
 * @param deviceId the device that sent it
 * @param seq its sequence number on that device
 * @param opId its id (the tie-break of equal edit times)
 * @param effectiveAt its effective edit time: claimed time plus measured offset, capped at arrival
 */
public record EditContext(String deviceId, long seq, String opId, Instant effectiveAt) {}

package dev.primer.service.records;

import java.util.List;

/** The body of {@code POST /v1/devices/{id}/records:fetch}. */
public record FetchRequest(List<String> ids) {}

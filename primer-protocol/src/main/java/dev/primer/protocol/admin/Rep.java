package dev.primer.protocol.admin;

import java.util.List;
import java.util.Objects;

/**
 * A rep as the admin console lists them ({@code GET /v1/admin/reps}).
 *
 * @param id the user id
 * @param name the rep's name
 * @param role the rep's role, e.g. {@code field-sales}
 * @param teamId the rep's team
 * @param territoryIds the territories assigned to the rep
 */
public record Rep(String id, String name, String role, String teamId, List<String> territoryIds) {
  /** Absent values become empty ones. */
  public Rep {
    id = Objects.requireNonNullElse(id, "");
    name = Objects.requireNonNullElse(name, "");
    role = Objects.requireNonNullElse(role, "");
    teamId = Objects.requireNonNullElse(teamId, "");
    territoryIds = List.copyOf(Objects.requireNonNullElse(territoryIds, List.of()));
  }
}

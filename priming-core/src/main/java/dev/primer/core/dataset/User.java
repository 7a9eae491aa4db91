package dev.primer.core.dataset;

import dev.primer.territory.GeoPoint;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** A field rep: where they live, which territories they hold, which team covers with them. */
public record User(
    String id,
    String name,
    String email,
    ZoneId timezone,
    GeoPoint home,
    List<String> territoryIds,
    String teamId,
    UserRole role) {
  public User {
    Ids.require(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(home, "home");
    territoryIds = List.copyOf(territoryIds);
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(role, "role");
  }
}

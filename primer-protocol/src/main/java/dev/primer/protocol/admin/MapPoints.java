package dev.primer.protocol.admin;

import java.util.List;
import java.util.Objects;

/**
 * What the territory map draws as points ({@code GET /v1/admin/map-points}): every account and
 * every rep's home.
 *
 * @param accounts the accounts, with their positions
 * @param homes the reps' homes
 */
public record MapPoints(List<AccountPoint> accounts, List<HomePoint> homes) {
  /** Absent lists become empty ones. */
  public MapPoints {
    accounts = List.copyOf(Objects.requireNonNullElse(accounts, List.of()));
    homes = List.copyOf(Objects.requireNonNullElse(homes, List.of()));
  }

  /**
   * An account on the map.
   *
   * @param id the account id
   * @param name its name
   * @param lat latitude, degrees
   * @param lon longitude, degrees
   */
  public record AccountPoint(String id, String name, double lat, double lon) {}

  /**
   * A rep's home on the map.
   *
   * @param userId the rep
   * @param userName the rep's name
   * @param lat latitude, degrees
   * @param lon longitude, degrees
   */
  public record HomePoint(String userId, String userName, double lat, double lon) {}
}

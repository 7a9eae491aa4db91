package dev.primer.core.appointments.link;

import dev.primer.core.dataset.Account;
import java.util.Objects;

/** An account found near a point, with its distance in metres. */
public record NearbyAccount(Account account, double distanceMeters) {
  public NearbyAccount {
    Objects.requireNonNull(account, "account");
    if (!(distanceMeters >= 0)) {
      throw new IllegalArgumentException("distanceMeters must be >= 0, was " + distanceMeters);
    }
  }
}

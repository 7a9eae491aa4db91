package dev.primer.agent.policy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A network seen only by its Wi-Fi name: no office address, not metered, no beacon. */
public record WifiOnly(Optional<String> ssid) implements NetworkProbe {
  /** No network at all. */
  public static final WifiOnly NONE = new WifiOnly(Optional.empty());

  @Override
  public List<InetAddress> localAddresses() {
    return List.of();
  }

  @Override
  public boolean metered() {
    return false;
  }

  @Override
  public boolean answers(URI beacon) {
    return false;
  }
}

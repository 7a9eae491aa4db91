package dev.primer.agent.policy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What the machine can tell about the network it is on. Tests inject their own. */
public interface NetworkProbe {
  /** The Wi-Fi network the machine is joined to, if any and if it can be read. */
  Optional<String> ssid();

  /** The machine's own addresses on interfaces that are up (loopback excluded). */
  List<InetAddress> localAddresses();

  /** Whether the connection is metered (a phone hotspot, a mobile plan). */
  boolean metered();

  /** Whether {@code beacon} answers 2xx within a short time. */
  boolean answers(URI beacon);
}

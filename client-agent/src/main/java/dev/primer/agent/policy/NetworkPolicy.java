package dev.primer.agent.policy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the machine is on the office network: an allowed Wi-Fi SSID, or a local address
 * in an office range, or the office beacon answering. A metered connection is never the office.
 * With nothing configured, nothing counts as the office (sync then needs --force).
 */
public final class NetworkPolicy {
  private final List<String> ssids;
  private final List<Cidr> cidrs;
  private final Optional<URI> beacon;
  private final boolean allowMetered;

  public NetworkPolicy(
      List<String> ssids, List<String> officeCidrs, Optional<URI> beacon, boolean allowMetered) {
    this.ssids = List.copyOf(ssids);
    this.cidrs = officeCidrs.stream().map(Cidr::parse).toList();
    this.beacon = beacon;
    this.allowMetered = allowMetered;
  }

  /** The decision for what {@code probe} sees now. */
  public PolicyDecision decide(NetworkProbe probe) {
    if (ssids.isEmpty() && cidrs.isEmpty() && beacon.isEmpty()) {
      return PolicyDecision.deny(
          "no office network configured (enroll with --ssid, --office-cidr or --beacon)");
    }
    if (!allowMetered && probe.metered()) {
      return PolicyDecision.deny("the connection is metered");
    }
    Optional<String> ssid = probe.ssid();
    if (ssid.isPresent() && ssids.contains(ssid.get())) {
      return PolicyDecision.allow("on office Wi-Fi '" + ssid.get() + "'");
    }
    for (InetAddress address : probe.localAddresses()) {
      for (Cidr cidr : cidrs) {
        if (cidr.contains(address)) {
          return PolicyDecision.allow(
              "address " + address.getHostAddress() + " is in office range " + cidr.text());
        }
      }
    }
    if (beacon.isPresent() && probe.answers(beacon.get())) {
      return PolicyDecision.allow("office beacon " + beacon.get() + " answers");
    }
    StringBuilder why = new StringBuilder("not on the office network (");
    why.append(ssid.map(s -> "Wi-Fi '" + s + "' is not allowed").orElse("no Wi-Fi network seen"));
    if (!cidrs.isEmpty()) {
      why.append("; no address in ").append(cidrs.stream().map(Cidr::text).toList());
    }
    beacon.ifPresent(b -> why.append("; beacon ").append(b).append(" does not answer"));
    return PolicyDecision.deny(why.append(')').toString());
  }
}

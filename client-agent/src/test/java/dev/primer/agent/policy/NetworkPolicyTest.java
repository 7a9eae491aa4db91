package dev.primer.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {
  /** A network as a test describes it. */
  record Seen(Optional<String> ssid, List<String> addresses, boolean metered, boolean beacon)
      implements NetworkProbe {
    @Override
    public List<InetAddress> localAddresses() {
      return addresses.stream()
          .map(
              a -> {
                try {
                  return InetAddress.getByName(a);
                } catch (java.net.UnknownHostException e) {
                  throw new IllegalArgumentException(e);
                }
              })
          .toList();
    }

    @Override
    public boolean answers(URI beacon) {
      return this.beacon;
    }
  }

  private static final NetworkPolicy OFFICE =
      new NetworkPolicy(
          List.of("acme-corp"),
          List.of("10.20.0.0/16"),
          Optional.of(URI.create("http://beacon.acme/")),
          false);

  @Test
  void allowsTheOfficeWifi() {
    PolicyDecision d = OFFICE.decide(new Seen(Optional.of("acme-corp"), List.of(), false, false));
    assertThat(d.allowed()).isTrue();
    assertThat(d.reason()).contains("acme-corp");
  }

  @Test
  void allowsAnAddressInAnOfficeRange() {
    PolicyDecision d =
        OFFICE.decide(
            new Seen(Optional.empty(), List.of("192.168.1.5", "10.20.3.4"), false, false));
    assertThat(d.allowed()).isTrue();
    assertThat(d.reason()).contains("10.20.3.4").contains("10.20.0.0/16");
  }

  @Test
  void allowsWhenTheBeaconAnswers() {
    assertThat(OFFICE.decide(new Seen(Optional.of("cafe"), List.of(), false, true)).allowed())
        .isTrue();
  }

  @Test
  void refusesAnyOtherNetworkAndSaysWhy() {
    PolicyDecision d =
        OFFICE.decide(new Seen(Optional.of("cafe"), List.of("192.168.1.5"), false, false));
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).contains("'cafe' is not allowed").contains("beacon");
  }

  @Test
  void aMeteredConnectionIsNeverTheOffice() {
    PolicyDecision d = OFFICE.decide(new Seen(Optional.of("acme-corp"), List.of(), true, true));
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).contains("metered");
    NetworkPolicy meteredOk =
        new NetworkPolicy(List.of("acme-corp"), List.of(), Optional.empty(), true);
    assertThat(
            meteredOk.decide(new Seen(Optional.of("acme-corp"), List.of(), true, false)).allowed())
        .isTrue();
  }

  @Test
  void nothingConfiguredMeansNotTheOffice() {
    NetworkPolicy none = new NetworkPolicy(List.of(), List.of(), Optional.empty(), false);
    assertThat(none.decide(new Seen(Optional.of("x"), List.of(), false, true)).reason())
        .contains("no office network configured");
  }

  @Test
  void cidrsMatchOnTheirPrefixOnly() {
    assertThat(Cidr.parse("10.20.0.0/12").contains(addr("10.31.255.1"))).isTrue();
    assertThat(Cidr.parse("10.20.0.0/12").contains(addr("10.32.0.1"))).isFalse();
    assertThat(Cidr.parse("fd00::/8").contains(addr("fd12::1"))).isTrue();
    assertThat(Cidr.parse("fd00::/8").contains(addr("10.0.0.1"))).isFalse();
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> Cidr.parse("office")).hasMessageContaining("'office'");
  }

  @Test
  void readsTheSsidFromEachPlatformsTool() {
    assertThat(SystemNetworkProbe.nmcliSsid("no:guest\nyes:acme\\:corp\n")).contains("acme:corp");
    assertThat(SystemNetworkProbe.networksetupSsid("Current Wi-Fi Network: acme-corp\n"))
        .contains("acme-corp");
    assertThat(
            SystemNetworkProbe.netshSsid(
                "    Name                   : Wi-Fi\n    SSID                   : acme-corp\n    BSSID                  : aa:bb\n"))
        .contains("acme-corp");
    assertThat(SystemNetworkProbe.nmcliSsid("no:guest\n")).isEmpty();
  }

  private static InetAddress addr(String a) {
    try {
      return InetAddress.getByName(a);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

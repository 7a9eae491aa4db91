package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outside a container the packaged service listens on loopback only, unless told otherwise. */
class ListenAddressDrillTest {

  @Test
  void theServiceIsNotReachableOnTheMachinesOtherAddresses() throws Exception {
    Optional<InetAddress> other = nonLoopbackAddress();
    assumeTrue(other.isPresent(), "this machine has no non-loopback IPv4 address");
    try (ServiceProcess service =
        ServiceProcess.start("primer_e2e_listen", Instant.parse("2026-03-02T04:00:00Z"))) {
      int port = URI.create(service.url()).getPort();

      try (Socket loopback = new Socket()) {
        loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        assertThat(loopback.isConnected()).isTrue();
      }
      assertThatThrownBy(
              () -> {
                try (Socket outside = new Socket()) {
                  outside.connect(new InetSocketAddress(other.get(), port), 2000);
                }
              })
          .isInstanceOf(IOException.class);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}

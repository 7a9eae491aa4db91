package dev.primer.agent.policy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the network from the operating system's own tools: nmcli or iwgetid on Linux, networksetup
 * on macOS, netsh on Windows. A tool that is missing or fails means "unknown".
 */
public final class SystemNetworkProbe implements NetworkProbe {
  private static final long TOOL_TIMEOUT_SECONDS = 3;
  private final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

  @Override
  public Optional<String> ssid() {
    if (os.contains("win")) {
      return run("netsh", "wlan", "show", "interfaces").flatMap(SystemNetworkProbe::netshSsid);
    }
    if (os.contains("mac")) {
      return run("networksetup", "-getairportnetwork", "en0")
          .flatMap(SystemNetworkProbe::networksetupSsid);
    }
    Optional<String> nm =
        run("nmcli", "-t", "-f", "active,ssid", "dev", "wifi")
            .flatMap(SystemNetworkProbe::nmcliSsid);
    return nm.isPresent() ? nm : run("iwgetid", "-r").map(String::trim).filter(s -> !s.isEmpty());
  }

  /** The SSID in `nmcli -t -f active,ssid dev wifi` output ("yes:NAME"). */
  static Optional<String> nmcliSsid(String out) {
    return out.lines()
        .filter(l -> l.startsWith("yes:"))
        .map(l -> l.substring(4).replace("\\:", ":"))
        .filter(s -> !s.isEmpty())
        .findFirst();
  }

  /** The SSID in `networksetup -getairportnetwork en0` output ("Current Wi-Fi Network: NAME"). */
  static Optional<String> networksetupSsid(String out) {
    String marker = "Current Wi-Fi Network: ";
    return out.lines()
        .filter(l -> l.startsWith(marker))
        .map(l -> l.substring(marker.length()).trim())
        .findFirst();
  }

  /** The SSID in `netsh wlan show interfaces` output (the "SSID : NAME" line, not "BSSID"). */
  static Optional<String> netshSsid(String out) {
    return out.lines()
        .map(String::trim)
        .filter(l -> l.startsWith("SSID") && l.contains(":"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim())
        .filter(s -> !s.isEmpty())
        .findFirst();
  }

  @Override
  public List<InetAddress> localAddresses() {
    List<InetAddress> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isUp() && !nic.isLoopback()) {
          addresses.addAll(Collections.list(nic.getInetAddresses()));
        }
      }
    } catch (SocketException e) {
      return List.of();
    }
    return addresses;
  }

  @Override
  public boolean metered() {
    if (os.contains("linux")) {
      // nmcli prints "yes", "no", "yes (guessed)", "no (guessed)" or "unknown".
      return run("nmcli", "-t", "-g", "GENERAL.METERED", "dev", "show")
          .map(out -> out.lines().anyMatch(l -> l.trim().startsWith("yes")))
          .orElse(false);
    }
    return false;
  }

  @Override
  public boolean answers(URI beacon) {
    try {
      HttpURLConnection connection = (HttpURLConnection) beacon.toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(2000);
      int status = connection.getResponseCode();
      connection.disconnect();
      return status >= 200 && status < 300;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<String> run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0
          ? Optional.of(new String(out, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}

package dev.primer.agent.cli;

import dev.primer.agent.config.AgentConfig;
import dev.primer.agent.config.AgentHome;
import dev.primer.agent.config.RemoteWipe;
import dev.primer.agent.crypto.KeyFile;
import dev.primer.agent.crypto.KeyProtector;
import dev.primer.agent.sync.ServiceClient;
import dev.primer.agent.trust.Transport;
import dev.primer.agent.util.PrivateFiles;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent enroll}: registers this device and writes its config. */
@Command(
    name = "enroll",
    mixinStandardHelpOptions = true,
    description = "Register this device with the service and keep its config under --home.")
final class EnrollCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "The service, e.g. http://primer:8080.")
  String server;

  @Option(
      names = "--token",
      required = true,
      paramLabel = "TOKEN",
      description =
          "The user's token (role device), used only to enrol: the device then keeps the"
              + " token the service gives it.")
  String token;

  @Option(names = "--name", paramLabel = "NAME", description = "Device name (default: host name).")
  String name;

  @Option(
      names = "--budget",
      paramLabel = "SIZE",
      defaultValue = "256MiB",
      description = "Most content kept on the device (default ${DEFAULT-VALUE}).")
  String budget;

  @Option(
      names = "--window",
      paramLabel = "HH:MM-HH:MM",
      defaultValue = "01:00-05:00",
      description = "Overnight sync window, local time (default ${DEFAULT-VALUE}).")
  String window;

  @Option(
      names = "--jitter",
      paramLabel = "MINUTES",
      defaultValue = "30",
      description = "Random delay after the window opens, at most (default ${DEFAULT-VALUE}).")
  int jitterMinutes;

  @Option(
      names = "--ssid",
      paramLabel = "SSID",
      description = "An office Wi-Fi network (repeatable).")
  List<String> ssids = new ArrayList<>();

  @Option(
      names = "--office-cidr",
      paramLabel = "CIDR",
      description = "An office address range, e.g. 10.20.0.0/16 (repeatable).")
  List<String> cidrs = new ArrayList<>();

  @Option(
      names = "--beacon",
      paramLabel = "URL",
      description = "A URL that answers only inside the office.")
  String beacon = "";

  @Option(names = "--allow-metered", description = "Also sync over a metered connection.")
  boolean allowMetered;

  @Option(
      names = "--disk-reserve",
      paramLabel = "SIZE",
      defaultValue = "1GiB",
      description = "Free disk always left to the machine (default ${DEFAULT-VALUE}).")
  String diskReserve;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Records per fetch request, 1..1000 (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--insecure-http",
      description =
          "Allow plain http:// to a host other than this machine (a test network only: the token"
              + " crosses the network readable; warned about on every run).")
  boolean insecureHttp;

  @Option(
      names = "--pin-sha256",
      paramLabel = "PIN",
      description =
          "SHA-256 of the server's public key (SPKI) or certificate, hex or base64: every later"
              + " connection must present it.")
  String pin = "";

  @Option(
      names = "--key-protection",
      paramLabel = "HOW",
      defaultValue = "auto",
      description =
          "How the store key is kept: auto (the OS keystore through secret-tool where it works,"
              + " else a passphrase), secret-tool, passphrase (PRIMER_AGENT_PASSPHRASE or asked),"
              + " plain (default ${DEFAULT-VALUE}).")
  String keyProtection;

  @Option(
      names = "--plain-key-file",
      description =
          "Keep the store key in plain in HOME/agent.key (same as --key-protection plain): anyone"
              + " who copies the home can read the store.")
  boolean plainKeyFile;

  @Option(names = "--force", description = "Enrol again even if this home is enrolled.")
  boolean force;

  @Override
  public Integer call() {
    AgentHome agentHome = home.home();
    // A revoked home is enrolled afresh, once its wipe is complete.
    RemoteWipe.marker(agentHome).ifPresent(m -> RemoteWipe.finish(agentHome, m));
    // A home whose token expired is enrolled again as the expiry message says, without --force.
    if (agentHome.enrolled() && !force && !tokenExpired(agentHome)) {
      throw new IllegalArgumentException(
          "already enrolled in "
              + agentHome.dir()
              + " (use --force to enrol again, or another --home)");
    }
    String[] times = window.split("-");
    if (times.length != 2) {
      throw new IllegalArgumentException("window must be HH:MM-HH:MM, was '" + window + "'");
    }
    if (jitterMinutes < 0) {
      throw new IllegalArgumentException("jitter must be >= 0, was " + jitterMinutes);
    }
    URI uri = URI.create(server);
    Transport transport = Transport.of(insecureHttp, pin);
    transport.check(uri).ifPresent(spec.commandLine().getErr()::println);
    AgentConfig draft =
        new AgentConfig(
            server,
            "pending",
            "pending",
            token,
            "",
            "",
            Sizes.parse("budget", budget),
            times[0],
            times[1],
            jitterMinutes,
            ssids,
            cidrs,
            beacon,
            allowMetered,
            Sizes.parse("disk reserve", diskReserve),
            batchSize,
            insecureHttp,
            Transport.canonicalPin(pin));
    new dev.primer.agent.policy.NetworkPolicy(ssids, cidrs, draft.beacon(), allowMetered);
    // The key's protection is settled (a passphrase read) before the service hears of this device.
    boolean keyExists = Files.exists(agentHome.keyFile());
    Optional<KeyProtector> protector =
        keyExists
            ? Optional.empty()
            : StoreKeys.forNewKey(
                plainKeyFile ? "plain" : keyProtection, agentHome, parent.context);
    ServiceClient.Enrolment enrolment =
        new ServiceClient(server, token, transport)
            .enroll(name == null ? hostName() : name, platform());
    // The device's own token from now on; the user's token is not kept (an older service gives
    // none: then the user's token is all there is).
    Instant received = parent.context.clock().instant();
    AgentConfig config =
        new AgentConfig(
            server,
            enrolment.deviceId(),
            enrolment.userId(),
            enrolment.token().map(ServiceClient.DeviceToken::token).orElse(token),
            enrolment
                .token()
                .flatMap(ServiceClient.DeviceToken::expiresAt)
                .map(Instant::toString)
                .orElse(""),
            enrolment.token().isPresent() ? received.toString() : "",
            draft.budgetBytes(),
            times[0],
            times[1],
            jitterMinutes,
            ssids,
            cidrs,
            beacon,
            allowMetered,
            draft.diskReserveBytes(),
            batchSize,
            insecureHttp,
            draft.pinSha256());
    agentHome.save(config);
    RemoteWipe.clear(agentHome);
    PrivateFiles.tighten(agentHome.dir());
    if (!keyExists) {
      KeyFile.create(agentHome.keyFile(), protector);
      if (protector.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "warning: the store key is kept in plain in "
                    + agentHome.keyFile()
                    + " (--plain-key-file): anyone who copies this folder can read the store");
      }
    }
    spec.commandLine()
        .getOut()
        .printf(
            "enrolled device %s for user %s at %s; config in %s%n",
            config.deviceId(), config.userId(), server, agentHome.configFile());
    return AgentCli.OK;
  }

  private boolean tokenExpired(AgentHome home) {
    try {
      Instant now = parent.context.clock().instant();
      return home.config().tokenExpiry().filter(x -> !now.isBefore(x)).isPresent();
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "device";
    }
  }

  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.contains("win") ? "windows" : os.contains("mac") ? "macos" : "linux";
  }
}

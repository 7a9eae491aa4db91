package dev.primer.e2e;

import dev.primer.agent.cli.AgentCli;
import dev.primer.agent.cli.AgentContext;
import dev.primer.agent.policy.SystemNetworkProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Device agents for the drills: in this JVM for many at once, or as a process to kill. */
final class Agents {
  private Agents() {}

  /** What an agent command printed and returned. */
  record Run(int exit, String out, String err) {
    Run expectOk(String what) {
      if (exit != 0) {
        throw new IllegalStateException(what + " exited " + exit + ": " + out + err);
      }
      return this;
    }
  }

  /** Runs {@code bin/primer agent ARGS} in this JVM. */
  static Run run(String... args) {
    return run(Clock.systemDefaultZone(), args);
  }

  /** Runs {@code bin/primer agent ARGS} in this JVM on a device whose clock is {@code clock}. */
  static Run run(Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        AgentCli.run(
            new AgentContext(new SystemNetworkProbe(), clock),
            args,
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  static void enroll(Path home, String server, String user, String budget) {
    run(
            "enroll",
            "--home",
            home.toString(),
            "--server",
            server,
            "--token",
            DevTokens.of(user, "device"),
            "--budget",
            budget,
            "--name",
            home.getFileName().toString(),
            // Hundreds of agents in one drill: a passphrase would cost each command a PBKDF2 run.
            "--plain-key-file")
        .expectOk("enroll " + home);
  }

  /** The counts {@code agent verify} reports, and whether it found the store sound. */
  record Verified(boolean sound, long manifestEntries, long onDevice, String report) {
    boolean complete() {
      return sound && manifestEntries == onDevice;
    }
  }

  static Verified verify(Path home) {
    Run r = run("verify", "--home", home.toString());
    Matcher m =
        Pattern.compile("manifest ([\\d,]+) entries, ([\\d,]+) on the device").matcher(r.out());
    if (!m.find()) {
      return new Verified(false, -1, -1, r.out() + r.err());
    }
    return new Verified(
        r.exit() == 0,
        Long.parseLong(m.group(1).replace(",", "")),
        Long.parseLong(m.group(2).replace(",", "")),
        r.out());
  }

  /** Starts {@code agent sync --force} in a child JVM, so that it can be killed with SIGKILL. */
  static Process startSyncProcess(Path home, Path log) {
    List<String> cmd = ChildJvm.java();
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(AgentCli.class.getName());
    cmd.addAll(List.of("sync", "--home", home.toString(), "--force", "--quiet"));
    try {
      return new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

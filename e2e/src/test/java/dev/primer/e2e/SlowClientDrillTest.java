package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The slow-client drill: 300 connections from one valid device token send telemetry bodies one byte
 * every 2 s, as the slow-loris attack did; meanwhile health and manifests must answer promptly for
 * everyone, and no slow connection may be held open for long.
 */
@Isolated("its latency bound holds for this drill's load only")
class SlowClientDrillTest {
  private static final int SLOW_CLIENTS = 300;
  private static final Duration ATTACK = Duration.ofSeconds(25);

  private static ServiceProcess service;
  private static Drills.SmallOrg org;

  @BeforeAll
  static void start() {
    service = ServiceProcess.start("primer_e2e_slow", Instant.parse("2026-03-02T04:00:00Z"));
    org = Drills.SmallOrg.load(new Http(service.url()));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void slowBodiesFromOneTokenNeitherStallHealthNorManifestsNorStayOpen() throws Exception {
    URI base = URI.create(service.url());
    String token = DevTokens.of(org.user(), "device");
    ExecutorService pool = Executors.newFixedThreadPool(SLOW_CLIENTS);
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    List<Future<?>> slow = new ArrayList<>();
    long attackEnds = System.nanoTime() + ATTACK.toNanos();
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      slow.add(
          pool.submit(
              () ->
                  outcomes.merge(
                      slowBody(base, token, org.deviceId(), attackEnds), 1, Integer::sum)));
    }
    ServiceProcess.sleep(Duration.ofSeconds(3));

    Http http = new Http(service.url());
    List<Long> healthMs = new ArrayList<>();
    List<Long> manifestMs = new ArrayList<>();
    String manifest = "/v1/devices/" + org.deviceId() + "/manifest?budget=100000000";
    while (System.nanoTime() < attackEnds - 5_000_000_000L) {
      healthMs.add(timed(() -> Drills.ok(http.get("/q/health/ready", ""), "health")));
      manifestMs.add(timed(() -> Drills.ok(http.get(manifest, token), "manifest")));
      ServiceProcess.sleep(Duration.ofMillis(100));
    }
    for (Future<?> f : slow) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    long healthP99 = p99(healthMs);
    long manifestP99 = p99(manifestMs);
    System.out.printf(
        Locale.ROOT,
        "slow-client drill: %d slow bodies from one token; health p99 %d ms (%d asks),"
            + " manifest p99 %d ms (%d asks); slow connections ended as %s%n",
        SLOW_CLIENTS,
        healthP99,
        healthMs.size(),
        manifestP99,
        manifestMs.size(),
        new TreeMap<>(outcomes));
    assertThat(healthMs).hasSizeGreaterThan(20);
    assertThat(healthP99).isLessThan(1000);
    assertThat(manifestP99).isLessThan(1000);
    assertThat(outcomes.getOrDefault("still open", 0)).isZero();
    assertThat(outcomes.getOrDefault("429", 0)).isPositive();
  }

  /**
   * Sends a telemetry request whose body trickles in a byte every 2 s until the service answers or
   * closes, or the attack ends; answers how it ended: the status, "closed" or "still open".
   */
  private static String slowBody(URI base, String token, String device, long until) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          ("POST /v1/devices/"
                  + device
                  + "/telemetry HTTP/1.1\r\n"
                  + "Host: "
                  + base.getHost()
                  + "\r\n"
                  + "Authorization: Bearer "
                  + token
                  + "\r\n"
                  + "Content-Type: application/x-ndjson\r\n"
                  + "Content-Length: 100000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (System.nanoTime() < until) {
        try {
          String status = statusOf(in);
          return status.isEmpty() ? "closed" : status;
        } catch (SocketTimeoutException quiet) {
          out.write('{');
          out.flush();
        }
      }
      return "still open";
    } catch (IOException e) {
      return "closed";
    }
  }

  /** The status code of the answer's first line; empty when the connection closed first. */
  private static String statusOf(InputStream in) throws IOException {
    byte[] head = new byte[12];
    int n = 0;
    while (n < head.length) {
      int r = in.read(head, n, head.length - n);
      if (r < 0) {
        return "";
      }
      n += r;
    }
    return new String(head, 9, 3, StandardCharsets.US_ASCII);
  }

  private static long timed(Runnable ask) {
    long t0 = System.nanoTime();
    ask.run();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long p99(List<Long> ms) {
    List<Long> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
  }
}

package dev.primer.service.traffic;

import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.problem.ProblemDocument;
import dev.primer.service.config.PrimerConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Keeps slow or piled-up transfers from holding the service's worker threads and memory: request
 * bodies (every POST and PUT) and answer streams (records:fetch, blobs) are admitted per caller and
 * in all, and cut off when they move slower than the minimum rate. Health, manifests and every
 * other GET are never held back by it. Runs on the event loop, before authentication: a caller is
 * its bearer token as sent (a forged one fails authentication before its body is read).
 */
@ApplicationScoped
public class TrafficGuard {
  private static final Logger LOG = Logger.getLogger(TrafficGuard.class);

  private final PrimerConfig.Traffic limits;
  private final Vertx vertx;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();

  TrafficGuard(PrimerConfig config, Vertx vertx) {
    this.limits = config.traffic();
    this.vertx = vertx;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 100).handler(this::admit);
  }

  private void admit(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    if (!isTransfer(request)) {
      rc.next();
      return;
    }
    String caller = caller(request);
    if (inFlight.incrementAndGet() > limits.streams()) {
      inFlight.decrementAndGet();
      refuse(
          rc,
          503,
          "busy",
          "Too many transfers",
          "the service is at its limit of "
              + limits.streams()
              + " uploads and streams at once; try again shortly");
      return;
    }
    AtomicInteger mine = perCaller.computeIfAbsent(caller, k -> new AtomicInteger());
    if (mine.incrementAndGet() > limits.streamsPerCaller()) {
      release(caller, mine);
      refuse(
          rc,
          429,
          "too-many-transfers",
          "Too many transfers at once",
          "at most "
              + limits.streamsPerCaller()
              + " uploads and streams per caller run at once"
              + " (primer.traffic.streams-per-caller); wait for one to finish");
      return;
    }
    Transfer transfer = new Transfer(System.nanoTime());
    long period = Math.max(1, limits.grace().toMillis());
    long timer = vertx.setPeriodic(period, period, id -> check(rc, transfer));
    rc.addEndHandler(
        done -> {
          vertx.cancelTimer(timer);
          release(caller, mine);
        });
    rc.next();
  }

  private static boolean isTransfer(HttpServerRequest request) {
    HttpMethod method = request.method();
    String path = request.path();
    if (path.startsWith("/q/")) {
      return false;
    }
    return method == HttpMethod.POST
        || method == HttpMethod.PUT
        || (method == HttpMethod.GET && path.startsWith("/v1/blobs/"));
  }

  private static String caller(HttpServerRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization == null ? "anonymous" : authorization;
  }

  private void release(String caller, AtomicInteger mine) {
    inFlight.decrementAndGet();
    if (mine.decrementAndGet() <= 0) {
      perCaller.remove(caller, mine);
    }
  }

  /** Cuts a transfer off once it moves slower than the minimum rate. */
  private void check(RoutingContext rc, Transfer transfer) {
    HttpServerRequest request = rc.request();
    HttpServerResponse response = rc.response();
    if (response.ended() || response.closed()) {
      return;
    }
    long now = System.nanoTime();
    double seconds = (now - transfer.started) / 1e9;
    long minRate = limits.minRate().asLongValue();
    if (!request.isEnded()) {
      long read = request.bytesRead();
      if (read == 0) {
        // Nothing consumed yet: the endpoint may still be waiting for a worker thread (a busy
        // service), so only a body that never starts is cut, after six graces.
        if (seconds > 6.0 * limits.grace().toMillis() / 1000.0) {
          cut(rc, "no byte of the request body arrived in " + Math.round(seconds) + " s");
        }
        return;
      }
      if (transfer.readingSince == 0) {
        transfer.readingSince = now;
        return;
      }
      double reading = (now - transfer.readingSince) / 1e9;
      if (read < minRate * reading) {
        cut(
            rc,
            String.format(
                Locale.ROOT,
                "the request body arrived at %.0f bytes/s, under the minimum of %d"
                    + " (primer.traffic.min-rate)",
                read / reading,
                minRate));
      }
      return;
    }
    if (!response.headWritten()) {
      // The body is in and the answer is being computed: nothing has to move meanwhile.
      transfer.lastWritten = 0;
      transfer.lastCheck = now;
      return;
    }
    long written = response.bytesWritten();
    if (!response.writeQueueFull()) {
      // The client takes what is written: a slow answer is the service's own doing (a busy
      // machine, a file sent by the kernel), never a reason to cut it off.
      transfer.lastWritten = written;
      transfer.lastCheck = now;
      return;
    }
    double window = (now - transfer.lastCheck) / 1e9;
    if (transfer.lastCheck != 0 && written - transfer.lastWritten < minRate * window) {
      LOG.debugf(
          "closing a stream read at %.0f bytes/s: %s",
          (written - transfer.lastWritten) / window, request.path());
      request.connection().close();
      return;
    }
    transfer.lastWritten = written;
    transfer.lastCheck = now;
  }

  private static void cut(RoutingContext rc, String detail) {
    HttpServerResponse response = rc.response();
    if (!response.headWritten()) {
      problem(rc, 408, "body-too-slow", "Request body too slow", detail)
          .onComplete(done -> rc.request().connection().close());
    } else {
      rc.request().connection().close();
    }
  }

  private static void refuse(
      RoutingContext rc, int status, String slug, String title, String detail) {
    rc.response().putHeader("Retry-After", status == 503 ? "5" : "2");
    problem(rc, status, slug, title, detail).onComplete(done -> rc.request().connection().close());
  }

  private static io.vertx.core.Future<Void> problem(
      RoutingContext rc, int status, String slug, String title, String detail) {
    ProblemDocument body =
        ProblemDocument.of(slug, title, status, detail, rc.request().path(), List.of());
    return rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", MediaTypes.PROBLEM)
        .putHeader("Connection", "close")
        .end(Json.encode(body));
  }

  /** Progress of one admitted transfer, touched only by its connection's event loop. */
  private static final class Transfer {
    final long started;
    long lastWritten;
    long lastCheck;
    long readingSince;

    Transfer(long started) {
      this.started = started;
    }
  }
}

package dev.primer.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between agents and the service that a drill partitions, makes flaky and heals: the
 * network of a rep driving through dead zones. Down, it refuses work (accepts and closes at once)
 * and cuts every open connection; flaky, it cuts some connections part-way through the request or,
 * worse, through the answer, after the service has done the work (so the client retries what was
 * already applied: a duplicated delivery).
 */
final class ChaosProxy implements AutoCloseable {
  /** What the proxy does to connections. */
  enum Mode {
    UP,
    DOWN,
    FLAKY
  }

  private final int targetPort;
  private final ServerSocket server;
  private final SplittableRandom random;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong cut = new AtomicLong();
  private volatile Mode mode = Mode.UP;

  ChaosProxy(int targetPort, long seed) {
    this.targetPort = targetPort;
    this.random = new SplittableRandom(seed);
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread accept = new Thread(this::acceptLoop, "chaos-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Switches the mode; going down cuts every open connection, as a lost signal does. */
  void mode(Mode next) {
    mode = next;
    if (next == Mode.DOWN) {
      for (Socket s : open) {
        closeQuietly(s);
      }
    }
  }

  long connections() {
    return connections.get();
  }

  long cut() {
    return cut.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      connections.incrementAndGet();
      if (mode == Mode.DOWN) {
        cut.incrementAndGet();
        closeQuietly(client);
        continue;
      }
      long cutRequestAfter = -1;
      long cutAnswerAfter = -1;
      if (mode == Mode.FLAKY) {
        synchronized (random) {
          int roll = random.nextInt(10);
          if (roll < 1) {
            cutRequestAfter = random.nextInt(400);
          } else if (roll < 4) {
            cutAnswerAfter = random.nextInt(600);
          }
        }
      }
      try {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(upstream);
        pump(client, upstream, cutRequestAfter, "up");
        pump(upstream, client, cutAnswerAfter, "down");
      } catch (IOException e) {
        // the service is down (a restart): the client sees a refused connection
        closeQuietly(client);
      }
    }
  }

  /** Copies {@code from} to {@code to}; after {@code cutAfter} bytes (if not -1) closes both. */
  private void pump(Socket from, Socket to, long cutAfter, String direction) {
    Thread t =
        new Thread(
            () -> {
              long copied = 0;
              byte[] buffer = new byte[8192];
              try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  if (cutAfter >= 0 && copied + n > cutAfter) {
                    out.write(buffer, 0, (int) (cutAfter - copied));
                    out.flush();
                    cut.incrementAndGet();
                    break;
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                  copied += n;
                }
              } catch (IOException e) {
                // the other side closed, or the mode went down
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "chaos-proxy-" + direction);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing what is already broken
    }
  }

  @Override
  public void close() {
    mode(Mode.DOWN);
    try {
      server.close();
    } catch (IOException e) {
      // shutting down
    }
  }
}

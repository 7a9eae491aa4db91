package dev.primer.bench.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay in front of the service that counts every byte the service sends, headers
 * included. The bench points agents (even a child process it kills) at it, so bytes moved are
 * measured on the wire, not estimated.
 */
public final class WireCounter implements AutoCloseable {
  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final AtomicLong down = new AtomicLong();

  public WireCounter(URI server) throws IOException {
    this.targetHost = server.getHost();
    this.targetPort = server.getPort() > 0 ? server.getPort() : 80;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress("127.0.0.1", 0));
    Thread accept = new Thread(this::acceptLoop, "wire-counter");
    accept.setDaemon(true);
    accept.start();
  }

  /** The URL agents should use instead of the service's. */
  public String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** Bytes sent by the service so far. */
  public long bytes() {
    return down.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        relay(client, upstream, null);
        relay(upstream, client, down);
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
      }
    }
  }

  private static void relay(Socket from, Socket to, AtomicLong counter) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[64 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  out.write(buffer, 0, n);
                  if (counter != null) {
                    counter.addAndGet(n);
                  }
                }
              } catch (IOException closed) {
                // one side went away: close both
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "wire-relay");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}

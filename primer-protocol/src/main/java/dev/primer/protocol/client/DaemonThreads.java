package dev.primer.protocol.client;

import java.util.concurrent.ThreadFactory;

/**
 * Named background threads that never keep a program from exiting: the client's executors, the
 * agent's and the service's workers.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory of daemon threads called {@code name}. */
  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}

package dev.primer.service.util;

import java.util.concurrent.ThreadFactory;

/** Named background threads that never keep the service from shutting down. */
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

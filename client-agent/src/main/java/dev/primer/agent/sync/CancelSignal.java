package dev.primer.agent.sync;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Asks a running sync to stop at the next safe point (between batches, between blob chunks). */
public final class CancelSignal {
  private final AtomicReference<String> reason = new AtomicReference<>();

  /** Asks to stop; the first reason given wins. */
  public void cancel(String why) {
    reason.compareAndSet(null, why);
  }

  /** Whether a stop was asked for. */
  public boolean cancelled() {
    return reason.get() != null;
  }

  /** Why a stop was asked for. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason.get());
  }
}

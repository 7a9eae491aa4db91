package dev.primer.service.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneOffset;

/** Provides the service's {@link Clock}: the system clock, or the instant primer.clock.now pins. */
@ApplicationScoped
public class ClockProducer {
  @Produces
  @ApplicationScoped
  Clock clock(PrimerConfig config) {
    return config
        .clock()
        .now()
        .map(now -> Clock.fixed(now, ZoneOffset.UTC))
        .orElseGet(Clock::systemUTC);
  }
}

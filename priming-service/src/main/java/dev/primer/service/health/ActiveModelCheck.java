package dev.primer.service.health;

import dev.primer.service.model.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports which model scores manifests. Always up: without a model the service still serves
 * manifests from the best baseline, and says so here.
 */
@Readiness
@ApplicationScoped
public class ActiveModelCheck implements HealthCheck {
  private final ModelRegistry models;

  ActiveModelCheck(ModelRegistry models) {
    this.models = models;
  }

  @Override
  public HealthCheckResponse call() {
    var answer = HealthCheckResponse.named("active model").up();
    return models
        .active()
        .map(m -> answer.withData("modelId", m.id()))
        .orElseGet(() -> answer.withData("modelId", "none: manifests use the fallback baseline"))
        .build();
  }
}

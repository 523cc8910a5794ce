package io.kubeclaw.rest.admission.tls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the webhook cannot serve: the webhook Service sends the apiserver's calls to ready replicas only,
 * and a replica without its certificate would fail them (closed).
 */
@Readiness
@ApplicationScoped
public class WebhookReadiness implements HealthCheck {

    @Inject
    WebhookSetup setup;

    @Override
    public HealthCheckResponse call() {
        return setup.problem()
                .map(problem -> HealthCheckResponse.named("admission-webhook").down().withData("problem", problem).build())
                .orElseGet(() -> HealthCheckResponse.named("admission-webhook").up().build());
    }
}

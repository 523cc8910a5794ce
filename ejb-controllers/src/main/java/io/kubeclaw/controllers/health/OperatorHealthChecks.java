package io.kubeclaw.controllers.health;

import io.kubeclaw.controllers.bootstrap.ControlPlaneState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/** The operator's started, live and ready checks, served by MicroProfile Health under /health. */
@ApplicationScoped
public class OperatorHealthChecks {

    private static final String NAME = "kubeclaw-operator";

    @Inject
    ControlPlaneState state;

    @Produces
    @Startup
    HealthCheck started() {
        return () -> withDetails(HealthCheckResponse.named(NAME).status(state.isStarted()));
    }

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> withDetails(HealthCheckResponse.named(NAME).status(state.fatalReason().isEmpty()));
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> withDetails(HealthCheckResponse.named(NAME).status(state.isReady()));
    }

    private HealthCheckResponse withDetails(HealthCheckResponseBuilder builder) {
        builder.withData("identity", state.identity()).withData("leader", state.isLeader());
        state.fatalReason().ifPresent(reason -> builder.withData("fatal", reason));
        state.lastStartError().ifPresent(error -> builder.withData("startError", error));
        return builder.build();
    }
}

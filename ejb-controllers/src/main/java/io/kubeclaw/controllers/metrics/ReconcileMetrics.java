package io.kubeclaw.controllers.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The Java Operator SDK's hooks, reported to MicroProfile Metrics and OpenTelemetry: every reconcile is counted and
 * timed by controller and outcome (kubeclaw_reconciles_total, kubeclaw_reconcile_seconds), failures and retries
 * counted (Prometheus adds _total and _seconds), and each reconcile is a span (a no-op unless tracing is switched on, see docs/observability).
 */
public final class ReconcileMetrics implements Metrics {

    private final MetricRegistry registry;
    private final Tracer tracer;

    public ReconcileMetrics(MetricRegistry registry, Tracer tracer) {
        this.registry = registry;
        this.tracer = tracer;
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        String controller = execution.controllerName();
        Span span = tracer.spanBuilder(controller + " " + execution.name())
                .setAttribute("kubeclaw.controller", controller)
                .setAttribute("k8s.namespace.name", execution.resourceID().getNamespace().orElse(""))
                .setAttribute("kubeclaw.resource.name", execution.resourceID().getName())
                .startSpan();
        long started = System.nanoTime();
        String outcome = "error";
        try (Scope ignored = span.makeCurrent()) {
            T result = execution.execute();
            outcome = execution.successTypeName(result);
            return result;
        } catch (Exception e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.setAttribute("kubeclaw.outcome", outcome);
            span.end();
            Tag[] tags = {new Tag("controller", controller), new Tag("execution", execution.name()), new Tag("outcome", outcome)};
            registry.counter("kubeclaw_reconciles", tags).inc();
            registry.timer("kubeclaw_reconcile", tags).update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Override
    public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        registry.counter("kubeclaw_reconcile_failures", new Tag("kind", resource.getKind())).inc();
    }

    @Override
    public void reconcileCustomResource(HasMetadata resource, RetryInfo retry, Map<String, Object> metadata) {
        if (retry != null && retry.getAttemptCount() > 0) {
            registry.counter("kubeclaw_reconcile_retries", new Tag("kind", resource.getKind())).inc();
        }
    }
}

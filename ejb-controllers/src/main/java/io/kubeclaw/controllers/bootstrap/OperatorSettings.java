package io.kubeclaw.controllers.bootstrap;

import io.kubeclaw.api.v1alpha1.KubeClaw;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How the operator runs, from MicroProfile Config (so from environment variables too:
 * {@code kubeclaw.leader-election.lease-namespace} is {@code KUBECLAW_LEADER_ELECTION_LEASE_NAMESPACE}).
 */
public record OperatorSettings(
        boolean leaderElection,
        String leaseName,
        String leaseNamespace,
        String identity,
        Duration leaseDuration,
        Duration renewDeadline,
        Duration retryPeriod,
        int reconcileThreads,
        Duration startRetryDelay) {

    public static OperatorSettings from(Config config) {
        return new OperatorSettings(
                config.getOptionalValue("kubeclaw.leader-election.enabled", Boolean.class).orElse(true),
                config.getOptionalValue("kubeclaw.leader-election.lease-name", String.class).orElse("kubeclaw-controller"),
                config.getOptionalValue("kubeclaw.leader-election.lease-namespace", String.class).orElse(KubeClaw.SYSTEM_NAMESPACE),
                config.getOptionalValue("kubeclaw.leader-election.identity", String.class).orElseGet(OperatorSettings::defaultIdentity),
                duration(config, "kubeclaw.leader-election.lease-duration", Duration.ofSeconds(15)),
                duration(config, "kubeclaw.leader-election.renew-deadline", Duration.ofSeconds(10)),
                duration(config, "kubeclaw.leader-election.retry-period", Duration.ofSeconds(2)),
                // Reconciles mostly wait on the apiserver, so more threads than cores pay off (see docs/benchmarks.md).
                config.getOptionalValue("kubeclaw.reconcile.threads", Integer.class).orElse(16),
                duration(config, "kubeclaw.operator.start-retry-delay", Duration.ofSeconds(5)));
    }

    private static Duration duration(Config config, String key, Duration fallback) {
        return config.getOptionalValue(key, String.class).map(Duration::parse).orElse(fallback);
    }

    /** The pod name in a cluster; elsewhere host and pid, so two servers on one machine differ. */
    private static String defaultIdentity() {
        String pod = System.getenv("POD_NAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "-" + ProcessHandle.current().pid();
    }
}

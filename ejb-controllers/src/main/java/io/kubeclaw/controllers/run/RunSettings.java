package io.kubeclaw.controllers.run;

import io.kubeclaw.api.bus.BusConnections;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * How this deployment runs agent pods: the images it ships, the event bus (its URL for the pods and
 * where its pods are, for their NetworkPolicy), and how long finished Jobs stay.
 */
public record RunSettings(String runnerImage, String ipcBridgeImage, String sandboxImage, String eventBusUrl,
                          int finishedJobTtlSeconds, RunNetworkPolicyBuilder.EventBus eventBus) {

    static final RunNetworkPolicyBuilder.EventBus DEFAULT_EVENT_BUS =
            new RunNetworkPolicyBuilder.EventBus(KubeClaw.SYSTEM_NAMESPACE, Map.of("app.kubernetes.io/name", "nats"), BusConnections.DEFAULT_PORT);

    /** From MicroProfile Config ({@code kubeclaw.run.*}, {@code kubeclaw.event-bus.*}), with the released images as defaults. */
    public static RunSettings from(Config config) {
        String version = "0.1.0";
        var bus = new RunNetworkPolicyBuilder.EventBus(
                config.getOptionalValue("kubeclaw.event-bus.namespace", String.class).orElse(DEFAULT_EVENT_BUS.namespace()),
                DEFAULT_EVENT_BUS.podLabels(),
                config.getOptionalValue("kubeclaw.event-bus.port", Integer.class).orElse(DEFAULT_EVENT_BUS.port()));
        return new RunSettings(
                config.getOptionalValue("kubeclaw.run.runner-image", String.class).orElse("kubeclaw/runner:" + version),
                config.getOptionalValue("kubeclaw.run.ipc-bridge-image", String.class).orElse("kubeclaw/ipc-bridge:" + version),
                config.getOptionalValue("kubeclaw.run.sandbox-image", String.class).orElse("kubeclaw/sandbox:" + version),
                config.getOptionalValue("kubeclaw.event-bus.url", String.class).orElse(BusConnections.inClusterUrl(bus.namespace(), bus.port())),
                config.getOptionalValue("kubeclaw.run.finished-job-ttl-seconds", Integer.class).orElse(300),
                bus);
    }
}

package io.kubeclaw.rest.resources;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeclaw.api.v1alpha1.instance.ChannelStatus;

/** A channel of an instance: what the controller reported, and its Deployment's replicas. */
public record ChannelView(String type, String status, String message, String deployment, int replicas, int readyReplicas) {

    static ChannelView of(ChannelStatus reported, Deployment deployment) {
        var status = deployment == null ? null : deployment.getStatus();
        return new ChannelView(reported.getType().name().toLowerCase(java.util.Locale.ROOT),
                reported.getStatus() == null ? null : reported.getStatus().name(), reported.getMessage(),
                deployment == null ? null : deployment.getMetadata().getName(),
                status == null || status.getReplicas() == null ? 0 : status.getReplicas(),
                status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas());
    }
}

package io.kubeclaw.controllers.channel;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.instance.ChannelSpec;
import io.kubeclaw.api.v1alpha1.instance.ChannelState;
import io.kubeclaw.api.v1alpha1.instance.ChannelStatus;
import io.kubeclaw.controllers.ownership.OwnedObjects;
import io.kubeclaw.controllers.status.Reasons;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps one Deployment per channel of an instance, removes those of channels taken out of the spec,
 * and reports each channel's state. A Deployment is applied only when what the spec asks for changed
 * (a hash annotation), so the frequent reconciles that only recount runs cost no API call.
 */
public final class InstanceChannels {

    static final String SPEC_HASH = "kubeclaw.io/spec-hash";

    /** What the channels look like after ensuring them. */
    public record Report(List<ChannelStatus> statuses, boolean ready, String reason, String message) {
    }

    private final KubernetesClient client;
    private final String fieldManager;
    private final ChannelSettings settings;

    public InstanceChannels(KubernetesClient client, String fieldManager, ChannelSettings settings) {
        this.client = client;
        this.fieldManager = fieldManager;
        this.settings = settings;
    }

    public Report ensure(ClawInstance instance, Set<Deployment> existing) {
        Map<String, Deployment> byName = existing.stream().filter(d -> ownedBy(d, instance))
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), Function.identity()));
        List<ChannelSpec> channels = instance.getSpec().getChannels() == null ? List.of() : instance.getSpec().getChannels();
        List<ChannelStatus> statuses = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        List<String> notOwned = new ArrayList<>();
        for (ChannelSpec channel : channels) {
            Deployment desired = ChannelDeploymentBuilder.desired(instance, channel, settings);
            String hash = hash(desired);
            desired.getMetadata().setAnnotations(Map.of(SPEC_HASH, hash));
            Deployment current = byName.remove(desired.getMetadata().getName());
            try {
                if (current == null) {
                    // Created, never applied over: a Deployment of that name that is not this instance's stays untouched.
                    current = OwnedObjects.create(client, desired, instance.getMetadata().getUid());
                }
                if (!hash.equals(current.getMetadata().getAnnotations() == null ? null : current.getMetadata().getAnnotations().get(SPEC_HASH))) {
                    // This instance's own Deployment, so its fields are ours to take back from whoever changed them.
                    current = client.resource(desired).fieldManager(fieldManager).forceConflicts().serverSideApply();
                }
            } catch (OwnedObjects.NotOwned e) {
                notOwned.add(e.getMessage());
                continue;
            }
            ChannelStatus status = statusOf(channel, current);
            if (status.getStatus() != ChannelState.CONNECTED) {
                waiting.add(desired.getMetadata().getName());
            }
            statuses.add(status);
        }
        // Channels removed from the spec: their Deployments go too.
        byName.values().forEach(stale -> client.resource(stale).delete());
        if (!notOwned.isEmpty()) {
            return new Report(statuses, false, Reasons.OBJECT_NOT_OWNED, String.join("; ", notOwned));
        }
        if (waiting.isEmpty()) {
            return new Report(statuses, true, Reasons.CHANNELS_READY, channels.isEmpty() ? "no channels configured"
                    : channels.size() + " channel Deployments available");
        }
        return new Report(statuses, false, Reasons.CHANNELS_STARTING, "waiting for Deployments " + String.join(", ", waiting)
                + " to become available (kubectl describe deployment shows why they are not)");
    }

    private static ChannelStatus statusOf(ChannelSpec channel, Deployment deployment) {
        ChannelStatus status = new ChannelStatus();
        status.setType(channel.getType());
        boolean available = deployment.getStatus() != null && deployment.getStatus().getConditions() != null
                && deployment.getStatus().getConditions().stream().anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
        status.setStatus(available ? ChannelState.CONNECTED : ChannelState.CONNECTING);
        status.setMessage(available ? "Deployment " + deployment.getMetadata().getName() + " is available"
                : "Deployment " + deployment.getMetadata().getName() + " is starting");
        return status;
    }

    private static boolean ownedBy(Deployment deployment, ClawInstance instance) {
        return OwnedObjects.controlledBy(deployment, instance.getMetadata().getUid());
    }

    private static String hash(Deployment desired) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Serialization.asJson(desired).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

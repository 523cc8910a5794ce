package io.kubeclaw.controllers.memory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeclaw.api.objects.MemoryConfigMap;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.instance.MemorySpec;
import io.kubeclaw.controllers.ownership.KubernetesErrors;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.ownership.OwnedObjects;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's persistent memory: one ConfigMap {@code <instance>-memory} holding {@code MEMORY.md}.
 * Created once and never overwritten by the controller; runs only ever append to it through
 * {@link MemoryMerge}, with an optimistic-concurrency write so two runs finishing together both land.
 */
public final class InstanceMemory {

    public static final String INSTANCE_LABEL = "kubeclaw.io/memory-of";
    private static final int WRITE_ATTEMPTS = 5;

    private final KubernetesClient client;

    public InstanceMemory(KubernetesClient client) {
        this.client = client;
    }

    /** The memory ConfigMap as first created: owned by the instance, with an empty memory. */
    public static ConfigMap initial(ClawInstance instance) {
        String name = instance.getMetadata().getName();
        return new ConfigMapBuilder()
                .withMetadata(OwnedMetadata.controlledBy(instance, MemoryConfigMap.name(name), Map.of(INSTANCE_LABEL, name)))
                .withData(Map.of(MemoryConfigMap.KEY, "# Memory of " + name + "\n"))
                .build();
    }

    /**
     * Creates the memory ConfigMap if it does not exist; existing content is left exactly as it is. A ConfigMap of that
     * name that the instance does not control is not its memory: {@link OwnedObjects.NotOwned}, and nothing is written.
     */
    public boolean ensureExists(ClawInstance instance) {
        try {
            client.resource(initial(instance)).create();
            return true;
        } catch (KubernetesClientException e) {
            if (KubernetesErrors.namespaceTerminating(e)) {
                return false;
            }
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                ConfigMap existing = client.resource(initial(instance)).get();
                if (existing != null) {
                    OwnedObjects.requireControlled(existing, instance.getMetadata().getUid());
                }
                return false;
            }
            throw e;
        }
    }

    /**
     * Appends {@code update} from run {@code runName} to the instance's memory; returns whether the memory changed. Never
     * into a ConfigMap of the memory's name that the instance does not control ({@link OwnedObjects.NotOwned}).
     */
    public boolean append(ClawInstance instance, String runName, String update, Instant completedAt) {
        String namespace = instance.getMetadata().getNamespace();
        String name = MemoryConfigMap.name(instance.getMetadata().getName());
        for (int attempt = 1; ; attempt++) {
            ConfigMap current = Optional.ofNullable(client.configMaps().inNamespace(namespace).withName(name).get())
                    .map(found -> OwnedObjects.requireControlled(found, instance.getMetadata().getUid()))
                    .orElseGet(() -> initial(instance));
            String before = current.getData() == null ? "" : current.getData().getOrDefault(MemoryConfigMap.KEY, "");
            String after = MemoryMerge.merge(before, update, runName, completedAt, MemoryConfigMap.maxSizeKB(instance));
            if (after.equals(before)) {
                return false;
            }
            Map<String, String> data = new HashMap<>(current.getData() == null ? Map.of() : current.getData());
            data.put(MemoryConfigMap.KEY, after);
            current.setData(data);
            try {
                if (current.getMetadata().getResourceVersion() == null) {
                    client.resource(current).create();
                } else {
                    client.resource(current).update();
                }
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}

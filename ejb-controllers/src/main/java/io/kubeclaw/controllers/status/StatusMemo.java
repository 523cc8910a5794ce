package io.kubeclaw.controllers.status;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Read-your-own-writes for one controller's status patches. A reconcile queued behind our own status
 * write (by a Job, pod or ConfigMap event) is handed the cached resource from before that write; it
 * would recompute every transition and report each Event twice. So each patch is remembered with the
 * resourceVersion it was computed from, and while the cache still holds exactly that version, the
 * remembered status is the one to build on. Once the informer delivers any newer version, the cache
 * is authoritative again.
 */
public final class StatusMemo<S, R extends CustomResource<?, S>> {

    /** Enough for every resource a controller touches in a burst; older entries are long superseded. */
    private static final int CAPACITY = 10_000;

    private record Written(String basedOn, String status) {
    }

    private final Class<S> statusType;
    private final Supplier<S> emptyStatus;
    private final Supplier<R> emptyResource;
    private final Map<ResourceID, Written> written = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ResourceID, Written> eldest) {
            return size() > CAPACITY;
        }
    });

    public StatusMemo(Class<S> statusType, Supplier<S> emptyStatus, Supplier<R> emptyResource) {
        this.statusType = statusType;
        this.emptyStatus = emptyStatus;
        this.emptyResource = emptyResource;
    }

    /** The status to build on: our last write if the cache has not caught up with it, else the cached one (copied). */
    public S workingCopy(R resource) {
        return remembered(resource).map(json -> Serialization.unmarshal(json, statusType))
                .orElseGet(() -> StatusPatches.workingCopy(resource, emptyStatus));
    }

    /** As {@link StatusPatches#patchIfChanged}: last writer wins. */
    public UpdateControl<R> patchIfChanged(R resource, S desired) {
        return remember(resource, desired, StatusPatches.patchIfChanged(resource, desired, emptyResource));
    }

    /** As {@link StatusPatches#patchIfChangedSince}: refused if the resource moved on since it was read. */
    public UpdateControl<R> patchIfChangedSince(R resource, S desired) {
        return remember(resource, desired, StatusPatches.patchIfChangedSince(resource, desired, emptyResource));
    }

    private UpdateControl<R> remember(R resource, S desired, UpdateControl<R> update) {
        // Patching again what our pending write already says is harmless, and it is what recovers a
        // write that failed: so the memo shapes what is computed, never whether it is written.
        if (update.isPatchStatus()) {
            written.put(ResourceID.fromResource(resource), new Written(resource.getMetadata().getResourceVersion(), Serialization.asJson(desired)));
        }
        return update;
    }

    private Optional<String> remembered(R resource) {
        ResourceID id = ResourceID.fromResource(resource);
        Written last = written.get(id);
        if (last == null) {
            return Optional.empty();
        }
        if (Objects.equals(last.basedOn(), resource.getMetadata().getResourceVersion())) {
            return Optional.of(last.status());
        }
        written.remove(id);
        return Optional.empty();
    }
}

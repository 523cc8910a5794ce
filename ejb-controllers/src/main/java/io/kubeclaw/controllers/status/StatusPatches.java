package io.kubeclaw.controllers.status;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Objects;
import java.util.function.Supplier;

/** Turns a freshly computed status into a minimal status patch, or into no update when nothing changed. */
public final class StatusPatches {

    private StatusPatches() {
    }

    /** A copy of the resource's status to build the new one on (or a fresh one), so the cached resource is never modified. */
    public static <S, R extends CustomResource<?, S>> S workingCopy(R resource, Supplier<S> empty) {
        return resource.getStatus() == null ? empty.get() : Serialization.clone(resource.getStatus());
    }

    /**
     * {@code noUpdate} when {@code desired} equals the resource's current status; otherwise a patch of
     * a new object carrying only the name, namespace and the status, so the spec is never written.
     * The patch carries the resourceVersion the status was computed from: a reconcile that worked on
     * a cached copy older than our own last write is refused (409) and retried, instead of silently
     * undoing that write (a counter going back, a final phase overwritten).
     */
    public static <S, R extends CustomResource<?, S>> UpdateControl<R> patchIfChanged(R resource, S desired, Supplier<R> empty) {
        if (Objects.equals(Serialization.asJson(resource.getStatus()), Serialization.asJson(desired))) {
            return UpdateControl.noUpdate();
        }
        R patch = empty.get();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(resource.getMetadata().getName())
                .withNamespace(resource.getMetadata().getNamespace())
                .withResourceVersion(resource.getMetadata().getResourceVersion())
                .build());
        patch.setStatus(desired);
        return UpdateControl.patchStatus(patch);
    }
}

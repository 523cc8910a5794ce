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
     * The last writer wins: right for a status that is recomputed from the world on every reconcile.
     */
    public static <S, R extends CustomResource<?, S>> UpdateControl<R> patchIfChanged(R resource, S desired, Supplier<R> empty) {
        return patch(resource, desired, empty, false);
    }

    /**
     * Like {@link #patchIfChanged}, for a status that accumulates (a counter, a last-started name): the
     * patch carries the resourceVersion it was computed from, so a reconcile that read a cached copy
     * older than our own last write is refused (409) and retried instead of undoing that write.
     */
    public static <S, R extends CustomResource<?, S>> UpdateControl<R> patchIfChangedSince(R resource, S desired, Supplier<R> empty) {
        return patch(resource, desired, empty, true);
    }

    private static <S, R extends CustomResource<?, S>> UpdateControl<R> patch(R resource, S desired, Supplier<R> empty, boolean guarded) {
        if (Objects.equals(Serialization.asJson(resource.getStatus()), Serialization.asJson(desired))) {
            return UpdateControl.noUpdate();
        }
        R patch = empty.get();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(resource.getMetadata().getName())
                .withNamespace(resource.getMetadata().getNamespace())
                .withResourceVersion(guarded ? resource.getMetadata().getResourceVersion() : null)
                .build());
        patch.setStatus(desired);
        return UpdateControl.patchStatus(patch);
    }
}

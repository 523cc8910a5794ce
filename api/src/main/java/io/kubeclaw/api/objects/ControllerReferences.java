package io.kubeclaw.api.objects;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an object was made for a given owner: by its controller ownerReference to the owner's UID on a namespaced
 * object, and by the {@link ObjectLabels#OWNER_UID} label on a cluster-scoped one (which cannot refer to a namespaced
 * owner). A run's Job and pods are found this way, never by labels alone, which anyone who can create the kind may copy.
 */
public final class ControllerReferences {

    private ControllerReferences() {
    }

    public static boolean controlledBy(HasMetadata object, String ownerUid) {
        if (object == null || ownerUid == null) {
            return false;
        }
        if (object.getMetadata().getNamespace() == null) {
            Map<String, String> labels = object.getMetadata().getLabels();
            return labels != null && Objects.equals(labels.get(ObjectLabels.OWNER_UID), ownerUid);
        }
        return object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
                .anyMatch(owner -> Boolean.TRUE.equals(owner.getController()) && ownerUid.equals(owner.getUid()));
    }
}

package io.kubeclaw.controllers.ownership;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.kubeclaw.api.objects.ObjectLabels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metadata for an object the controller makes on behalf of a KubeClaw resource: in the owner's
 * namespace, marked as managed by KubeClaw, and controlled by the owner so Kubernetes collects it.
 */
public final class OwnedMetadata {

    public static final String MANAGED_BY = ObjectLabels.MANAGED_BY;
    public static final String MANAGED_BY_KUBECLAW = ObjectLabels.MANAGED_BY_KUBECLAW;

    private OwnedMetadata() {
    }

    public static ObjectMeta controlledBy(HasMetadata owner, String name, Map<String, String> labels) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(MANAGED_BY, MANAGED_BY_KUBECLAW);
        all.putAll(labels);
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(all)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                        .withController(true).withBlockOwnerDeletion(true)
                        .build())
                .build();
    }
}

package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.kubeclaw.api.v1alpha1.AgentRun;

/** Metadata for what a run owns: namespaced objects carry an owner reference, so Kubernetes collects them with the run. */
final class RunOwnership {

    private RunOwnership() {
    }

    static ObjectMeta owned(AgentRun run, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(run.getMetadata().getNamespace())
                .withLabels(RunLabels.of(run))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(run.getApiVersion()).withKind(run.getKind())
                        .withName(run.getMetadata().getName()).withUid(run.getMetadata().getUid())
                        .withController(true).withBlockOwnerDeletion(true)
                        .build())
                .build();
    }
}

package io.kubeclaw.rest.admission;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.kubeclaw.api.policy.RbacGrant;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.instance.ChannelSpec;
import io.kubeclaw.rest.auth.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * References that make the control plane read a Secret or ConfigMap into a pod: a sidecar's {@code env.valueFrom},
 * a provider's {@code authSecretRef}, a channel's {@code configSecretRef}. Whoever writes one must be allowed to
 * {@code get} what it names, as Kubernetes requires of a pod's author; otherwise a tenant who cannot read a Secret
 * could have its agent's pod read it for them. Checked like RBAC grants: only references the write adds.
 */
final class ReadReferences {

    /** One reference: the field that holds it, and the object it reads. */
    record Reference(String field, String resource, String name) {

        String describe() {
            return field + " reads " + (resource.equals("secrets") ? "Secret" : "ConfigMap") + " \"" + name + "\"";
        }
    }

    private ReadReferences() {
    }

    static Set<Reference> of(SkillPack pack) {
        Set<Reference> references = new LinkedHashSet<>();
        if (pack == null || pack.getSpec() == null || pack.getSpec().getSidecar() == null || pack.getSpec().getSidecar().getEnv() == null) {
            return references;
        }
        for (EnvVar env : pack.getSpec().getSidecar().getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            String field = "spec.sidecar.env[" + env.getName() + "]";
            if (env.getValueFrom().getSecretKeyRef() != null) {
                references.add(new Reference(field, "secrets", env.getValueFrom().getSecretKeyRef().getName()));
            }
            if (env.getValueFrom().getConfigMapKeyRef() != null) {
                references.add(new Reference(field, "configmaps", env.getValueFrom().getConfigMapKeyRef().getName()));
            }
        }
        return references;
    }

    static Set<Reference> of(ClawInstance instance) {
        Set<Reference> references = new LinkedHashSet<>();
        if (instance == null || instance.getSpec() == null) {
            return references;
        }
        var provider = instance.getSpec().getProvider();
        if (provider != null && provider.getAuthSecretRef() != null) {
            references.add(new Reference("spec.provider.authSecretRef", "secrets", provider.getAuthSecretRef().getName()));
        }
        List<ChannelSpec> channels = instance.getSpec().getChannels() == null ? List.of() : instance.getSpec().getChannels();
        for (ChannelSpec channel : channels) {
            if (channel.getConfigSecretRef() != null) {
                references.add(new Reference("spec.channels[" + channel.getType() + "].configSecretRef", "secrets", channel.getConfigSecretRef().getName()));
            }
        }
        return references;
    }

    /** A message for each reference in {@code now} but not in {@code before} that {@code user} may not read. */
    static List<String> unreadable(ClusterView cluster, Caller user, String namespace, Set<Reference> now, Set<Reference> before) {
        List<String> problems = new ArrayList<>();
        for (Reference reference : now) {
            if (before.contains(reference) || reference.name() == null) {
                continue;
            }
            if (!cluster.holds(user, new RbacGrant("get", "", reference.resource(), reference.name(), null), namespace)) {
                problems.add(reference.describe() + ", which user \"" + user.username() + "\" may not get in namespace \"" + namespace
                        + "\": only someone who may read it may hand it to a pod; kubectl auth can-i get " + reference.resource() + "/"
                        + reference.name() + " shows the same answer");
            }
        }
        return problems;
    }
}

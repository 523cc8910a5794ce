package io.kubeclaw.rest.admission;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeclaw.api.policy.RbacGrant;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.rest.auth.Access;
import io.kubeclaw.rest.auth.Caller;
import io.kubeclaw.rest.auth.KubernetesReviews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cluster as the admission rules see it: reads from the apiserver, and its SubjectAccessReviews (cached briefly). */
@ApplicationScoped
public class KubernetesClusterView implements ClusterView {

    private KubernetesClient client;
    private KubernetesReviews reviews;

    KubernetesClusterView() {
        // for CDI's proxy
    }

    @Inject
    KubernetesClusterView(KubernetesClient client, KubernetesReviews reviews) {
        this.client = client;
        this.reviews = reviews;
    }

    @Override
    public Optional<ClawInstance> instance(String namespace, String name) {
        return Optional.ofNullable(client.resources(ClawInstance.class).inNamespace(namespace).withName(name).get());
    }

    @Override
    public Optional<ClawPolicy> policy(String namespace, String name) {
        return Optional.ofNullable(client.resources(ClawPolicy.class).inNamespace(namespace).withName(name).get());
    }

    @Override
    public Optional<SkillPack> skillPack(String namespace, String name) {
        return Optional.ofNullable(client.resources(SkillPack.class).inNamespace(namespace).withName(name).get());
    }

    @Override
    public List<ClawInstance> instances(String namespace) {
        return client.resources(ClawInstance.class).inNamespace(namespace).list().getItems();
    }

    @Override
    public Map<String, String> namespaceLabels(String namespace) {
        Namespace found = client.namespaces().withName(namespace).get();
        return found == null || found.getMetadata().getLabels() == null ? Map.of() : found.getMetadata().getLabels();
    }

    @Override
    public boolean holds(Caller user, RbacGrant grant, String namespace) {
        if (grant.nonResourceURL() != null) {
            return reviews.access().check(user, Access.nonResource(grant.verb(), grant.nonResourceURL())).allowed();
        }
        int slash = grant.resource().indexOf('/');
        String resource = slash < 0 ? grant.resource() : grant.resource().substring(0, slash);
        String subresource = slash < 0 ? null : grant.resource().substring(slash + 1);
        return reviews.access().check(user, new Access(grant.verb(), grant.apiGroup(), resource, subresource, namespace, grant.resourceName())).allowed();
    }
}

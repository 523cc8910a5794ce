package io.kubeclaw.rest.admission;

import io.kubeclaw.api.policy.RbacGrant;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.rest.auth.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One review's allowance of permission checks: a write that would make the webhook ask the apiserver more than
 * {@link #MAX_CHECKS} SubjectAccessReviews (many packs, each with many grants) is refused, so that one request cannot
 * fan out into thousands of calls. Made anew for each review, it also reads a namespace's labels once however many
 * instances the review asks about.
 */
final class CheckBudget implements ClusterView {

    static final int MAX_CHECKS = 512;

    private final ClusterView cluster;
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    private int asked;

    CheckBudget(ClusterView cluster) {
        this.cluster = cluster;
    }

    @Override
    public boolean holds(Caller user, RbacGrant grant, String namespace) {
        if (++asked > MAX_CHECKS) {
            throw new IllegalArgumentException("this write needs more than " + MAX_CHECKS + " permission checks (its SkillPacks' grants and "
                    + "references together): bind fewer SkillPacks at once, or grant fewer single permissions");
        }
        return cluster.holds(user, grant, namespace);
    }

    @Override
    public Optional<ClawInstance> instance(String namespace, String name) {
        return cluster.instance(namespace, name);
    }

    @Override
    public Optional<ClawPolicy> policy(String namespace, String name) {
        return cluster.policy(namespace, name);
    }

    @Override
    public Optional<SkillPack> skillPack(String namespace, String name) {
        return cluster.skillPack(namespace, name);
    }

    @Override
    public List<ClawInstance> instances(String namespace) {
        return cluster.instances(namespace);
    }

    @Override
    public Map<String, String> namespaceLabels(String namespace) {
        return namespaceLabels.computeIfAbsent(namespace, cluster::namespaceLabels);
    }
}

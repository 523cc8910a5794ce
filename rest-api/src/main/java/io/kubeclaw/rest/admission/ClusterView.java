package io.kubeclaw.rest.admission;

import io.kubeclaw.api.policy.RbacGrant;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.rest.auth.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the admission rules read from the cluster: the objects an object refers to, always in its own namespace
 * (so no rule can follow a reference into another tenant's namespace) or, for the policies a cluster admin binds to
 * namespaces, the control plane's; a namespace's labels; and whether a user holds a permission.
 */
public interface ClusterView {

    Optional<ClawInstance> instance(String namespace, String name);

    Optional<ClawPolicy> policy(String namespace, String name);

    Optional<SkillPack> skillPack(String namespace, String name);

    List<ClawInstance> instances(String namespace);

    /** The namespace's labels (where a cluster admin binds its ClawPolicy); empty when it has none or is not there. */
    Map<String, String> namespaceLabels(String namespace);

    /** The apiserver's answer to a SubjectAccessReview for the grant; a null namespace asks cluster-wide. */
    boolean holds(Caller user, RbacGrant grant, String namespace);
}

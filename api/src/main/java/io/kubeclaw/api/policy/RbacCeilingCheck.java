package io.kubeclaw.api.policy;

import static io.kubeclaw.api.policy.PolicyRuleText.orEmpty;
import static io.kubeclaw.api.policy.PolicyRuleText.quoted;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kubeclaw.api.v1alpha1.policy.RbacCeiling;
import io.kubeclaw.api.v1alpha1.skillpack.SidecarSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps a skill sidecar's RBAC within its ClawPolicy's rbacCeiling, by the rule the apiserver applies when one
 * Role grants another's permissions (Kubernetes pkg/registry/rbac/validation {@code Covers}): each rule is broken
 * into single (apiGroup, resource, verb, resourceName) or (nonResourceURL, verb) grants, and every one of them must
 * be allowed by some ceiling rule of the same scope. Returns the first grant beyond the ceiling, named for the user.
 */
public final class RbacCeilingCheck {

    private RbacCeilingCheck() {
    }

    /**
     * The first sidecar rule beyond the ceiling, if any. A null ceiling means the policy sets none, so only
     * {@link SidecarRbacCheck}'s built-in guard applies; an unset list inside a ceiling grants nothing.
     */
    public static Optional<String> problem(SidecarSpec sidecar, RbacCeiling ceiling) {
        if (sidecar == null || ceiling == null) {
            return Optional.empty();
        }
        return Stream.concat(
                        problems(sidecar.getRbac(), "spec.sidecar.rbac", ceiling.getRules(), "rbacCeiling.rules"),
                        problems(sidecar.getClusterRBAC(), "spec.sidecar.clusterRBAC", ceiling.getClusterRules(), "rbacCeiling.clusterRules"))
                .findFirst();
    }

    private static Stream<String> problems(List<PolicyRule> requested, String field, List<PolicyRule> ceiling, String ceilingField) {
        List<PolicyRule> allowed = ceiling == null ? List.of() : ceiling;
        return (requested == null ? Stream.<PolicyRule>empty() : requested.stream())
                .flatMap(rule -> RbacGrant.of(rule)
                        .filter(grant -> allowed.stream().noneMatch(grant::isCoveredBy))
                        .map(grant -> PolicyRuleText.describe(field, rule) + " exceeds ClawPolicy " + ceilingField + ": "
                                + grant.describe() + " is not allowed"));
    }
}

package io.kubeclaw.rest.admission;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kubeclaw.api.policy.PolicyRuleText;
import io.kubeclaw.api.policy.RbacGrant;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.skillpack.SidecarSpec;
import io.kubeclaw.rest.auth.Caller;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The RBAC escalation guard for SkillPacks: whoever writes or binds a sidecar's RBAC, or starts a run that uses it,
 * must hold every permission it grants, or hold {@code escalate} on Roles (ClusterRoles for cluster rules), which is
 * the rule the apiserver applies to Roles and RoleBindings; or a cluster admin may grant the verb {@code use} on the
 * SkillPack itself. Otherwise a user allowed to edit SkillPacks or create runs could have the control plane grant a
 * pod what they cannot do themselves.
 */
final class SidecarGrants {

    /** The verb an admin grants on a SkillPack (resourceNames: the pack) to let someone use it without holding its grants. */
    static final String USE = "use";
    /** One SubjectAccessReview per grant; a rule set that breaks into more is refused rather than asked about. */
    static final int MAX_GRANTS = 256;
    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    private SidecarGrants() {
    }

    /**
     * A message for each sidecar rule with a grant the user does not hold; empty when they hold them all. {@code using}:
     * the user binds the pack or starts a run with it, where an admin's {@code use} on the pack also suffices; writing
     * the pack's grants always needs the grants themselves.
     */
    static List<String> missing(ClusterView cluster, Caller user, SkillPack pack, boolean using) {
        SidecarSpec sidecar = pack.getSpec().getSidecar();
        if (sidecar == null) {
            return List.of();
        }
        String namespace = pack.getMetadata().getNamespace();
        boolean declares = notEmpty(sidecar.getRbac()) || notEmpty(sidecar.getClusterRBAC());
        if (!declares || (using && cluster.holds(user, new RbacGrant(USE, KubeClaw.GROUP, "skillpacks", pack.getMetadata().getName(), null), namespace))) {
            return List.of();
        }
        long grants = Stream.concat(rules(sidecar.getRbac()), rules(sidecar.getClusterRBAC())).flatMap(RbacGrant::of).count();
        if (grants > MAX_GRANTS) {
            return List.of("spec.sidecar breaks down into " + grants + " single permissions, more than the " + MAX_GRANTS
                    + " the escalation check asks the apiserver about: list fewer verbs and resources");
        }
        return Stream.concat(
                        missing(cluster, user, sidecar.getRbac(), "spec.sidecar.rbac", namespace, "roles"),
                        missing(cluster, user, sidecar.getClusterRBAC(), "spec.sidecar.clusterRBAC", null, "clusterroles"))
                .toList();
    }

    private static Stream<String> missing(ClusterView cluster, Caller user, List<PolicyRule> rules, String field, String namespace, String roleKind) {
        List<PolicyRule> declared = rules == null ? List.of() : rules;
        if (declared.isEmpty() || cluster.holds(user, new RbacGrant("escalate", RBAC_GROUP, roleKind, null, null), namespace)) {
            return Stream.empty();
        }
        return declared.stream().flatMap(rule -> firstNotHeld(cluster, user, rule, namespace)
                .map(grant -> PolicyRuleText.describe(field, rule) + " grants " + grant.describe() + (namespace == null ? " cluster-wide" : " in namespace \""
                        + namespace + "\"") + ", which user \"" + user.username() + "\" does not hold: only someone who holds a permission (or may "
                        + "escalate " + roleKind + ") may hand it to a sidecar; kubectl auth can-i shows the same answer")
                .stream());
    }

    private static Optional<RbacGrant> firstNotHeld(ClusterView cluster, Caller user, PolicyRule rule, String namespace) {
        return RbacGrant.of(rule).filter(grant -> !cluster.holds(user, grant, namespace)).findFirst();
    }

    private static Stream<PolicyRule> rules(List<PolicyRule> rules) {
        return rules == null ? Stream.empty() : rules.stream();
    }

    /**
     * Whether an update leaves the sidecar's permissions, and what runs with them (image, command, args, env), as they
     * were: a new image behind the same grants hands them to new code, so it is checked like new grants.
     */
    static boolean sameIdentity(SkillPack pack, SkillPack old) {
        SidecarSpec now = pack.getSpec().getSidecar();
        SidecarSpec before = old.getSpec().getSidecar();
        if (now == null || before == null) {
            return now == before;
        }
        return Objects.equals(now.getRbac(), before.getRbac()) && Objects.equals(now.getClusterRBAC(), before.getClusterRBAC())
                && Objects.equals(now.getImage(), before.getImage()) && Objects.equals(now.getCommand(), before.getCommand())
                && Objects.equals(now.getArgs(), before.getArgs()) && Objects.equals(now.getEnv(), before.getEnv());
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}

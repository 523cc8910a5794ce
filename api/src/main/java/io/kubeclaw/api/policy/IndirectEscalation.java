package io.kubeclaw.api.policy;

import static io.kubeclaw.api.policy.PolicyRuleText.orEmpty;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Grants that reach further than they read: each lets whoever holds it act with someone else's rights (a kubelet's,
 * another pod's ServiceAccount, the admission chain's), so no skill sidecar may hold them, whatever its policy.
 * A rule matches as RBAC would match it, wildcards and subresource patterns included.
 */
final class IndirectEscalation {

    /** One forbidden grant: any of {@code verbs} on {@code resource} of {@code group}, and why it is forbidden. */
    private record Forbidden(String group, String resource, Set<String> verbs, String why) {
    }

    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete", "deletecollection");
    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String ADMISSION = "admissionregistration.k8s.io";

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden("", "pods/exec", Set.of("create", "get"), "runs commands inside other pods, with their ServiceAccounts"),
            new Forbidden("", "pods/attach", Set.of("create", "get"), "attaches to other pods' processes"),
            new Forbidden("", "nodes/proxy", Set.of("get", "create", "update", "patch", "delete"), "reaches the kubelet's API, which runs commands in any pod on the node"),
            new Forbidden("", "serviceaccounts/token", Set.of("create"), "mints tokens of other ServiceAccounts"),
            new Forbidden("", "pods", Set.of("create"), "creates pods, which can run as any ServiceAccount of the namespace and mount its Secrets"),
            new Forbidden("", "namespaces", Set.of("update", "patch"), "relabels namespaces, which can take them out of admission and policy"),
            new Forbidden(ADMISSION, "mutatingwebhookconfigurations", WRITES, "changes the admission chain every write goes through"),
            new Forbidden(ADMISSION, "validatingwebhookconfigurations", WRITES, "changes the admission chain every write goes through"),
            new Forbidden(ADMISSION, "validatingadmissionpolicies", WRITES, "changes the admission chain every write goes through"),
            new Forbidden(ADMISSION, "validatingadmissionpolicybindings", WRITES, "changes the admission chain every write goes through"));

    private static final Set<String> RBAC_KINDS = Set.of("roles", "rolebindings", "clusterroles", "clusterrolebindings");

    private IndirectEscalation() {
    }

    /** Why {@code rule} escalates indirectly, or empty when it does not. */
    static Optional<String> problem(PolicyRule rule) {
        List<String> groups = orEmpty(rule.getApiGroups());
        List<String> resources = orEmpty(rule.getResources());
        List<String> verbs = orEmpty(rule.getVerbs());
        for (Forbidden forbidden : FORBIDDEN) {
            if (matches(groups, forbidden.group()) && resources.stream().anyMatch(resource -> resourceMatches(resource, forbidden.resource()))
                    && (verbs.contains("*") || verbs.stream().anyMatch(forbidden.verbs()::contains))) {
                return Optional.of("grants " + verb(verbs, forbidden.verbs()) + " on " + forbidden.resource()
                        + (forbidden.group().isEmpty() ? "" : "." + forbidden.group()) + ", which " + forbidden.why() + ": remove it");
            }
        }
        // The apiserver stops a plain write of roles and bindings from escalating; "*" also grants escalate and bind.
        boolean anyVerbOnRbac = verbs.contains("*") && matches(groups, RBAC) && resources.stream().anyMatch(r -> r.equals("*") || RBAC_KINDS.contains(r));
        if (anyVerbOnRbac) {
            return Optional.of("uses a wildcard verb on RBAC objects, which includes escalate and bind: list the verbs the skill needs");
        }
        return Optional.empty();
    }

    private static boolean matches(List<String> ruleValues, String value) {
        return ruleValues.contains("*") || ruleValues.contains(value);
    }

    /** RBAC's resource matching: a star, an exact name, "pods/" plus a star for its subresources, a star plus "/exec" for a subresource of any. */
    private static boolean resourceMatches(String ruleResource, String resource) {
        if (ruleResource.equals("*") || ruleResource.equals(resource)) {
            return true;
        }
        int slash = resource.indexOf('/');
        if (slash < 0) {
            return false;
        }
        return ruleResource.equals(resource.substring(0, slash) + "/*") || ruleResource.equals("*" + resource.substring(slash));
    }

    private static String verb(List<String> verbs, Set<String> forbidden) {
        return verbs.contains("*") ? "\"*\"" : "\"" + verbs.stream().filter(forbidden::contains).findFirst().orElseThrow() + "\"";
    }
}

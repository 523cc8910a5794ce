package io.kubeclaw.api.policy;

import static io.kubeclaw.api.policy.PolicyRuleText.orEmpty;
import static io.kubeclaw.api.policy.PolicyRuleText.quoted;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kubeclaw.api.v1alpha1.skillpack.SidecarSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The grants no skill sidecar may ask for, whatever its policy: verbs that escalate (escalate, bind,
 * impersonate), grants that escalate indirectly ({@link IndirectEscalation}: exec, the kubelet's proxy, tokens,
 * creating pods, relabelling namespaces, the admission chain, wildcards on RBAC) and wildcards that reach Secrets.
 * Returns the first offending rule, named for the user.
 */
public final class SidecarRbacCheck {

    private static final Set<String> ESCALATING_VERBS = Set.of("escalate", "bind", "impersonate");

    private SidecarRbacCheck() {
    }

    public static Optional<String> problem(SidecarSpec sidecar) {
        if (sidecar == null) {
            return Optional.empty();
        }
        return Stream.concat(
                        rules(sidecar.getRbac()).map(rule -> problem(rule, "spec.sidecar.rbac")),
                        rules(sidecar.getClusterRBAC()).map(rule -> problem(rule, "spec.sidecar.clusterRBAC")))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Stream<PolicyRule> rules(List<PolicyRule> rules) {
        return rules == null ? Stream.empty() : rules.stream();
    }

    private static Optional<String> problem(PolicyRule rule, String field) {
        List<String> verbs = orEmpty(rule.getVerbs());
        List<String> resources = orEmpty(rule.getResources());
        String described = PolicyRuleText.describe(field, rule);
        Optional<String> escalating = verbs.stream().filter(ESCALATING_VERBS::contains).findFirst();
        if (escalating.isPresent()) {
            return Optional.of(described + " grants " + quoted(escalating.get()) + ", which lets a sidecar raise its own permissions: remove that verb");
        }
        boolean coreGroup = orEmpty(rule.getApiGroups()).stream().anyMatch(group -> group.isEmpty() || group.equals("*"));
        boolean reachesSecrets = coreGroup && resources.stream().anyMatch(r -> r.equals("secrets") || r.equals("*"));
        boolean wildcard = verbs.contains("*") || resources.contains("*");
        if (reachesSecrets && wildcard) {
            return Optional.of(described + " uses a wildcard that reaches Secrets: list the resources and verbs the skill needs");
        }
        return IndirectEscalation.problem(rule).map(problem -> described + " " + problem);
    }
}

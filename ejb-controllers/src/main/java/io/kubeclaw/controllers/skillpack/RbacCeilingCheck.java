package io.kubeclaw.controllers.skillpack;

import static io.kubeclaw.controllers.skillpack.PolicyRuleText.orEmpty;
import static io.kubeclaw.controllers.skillpack.PolicyRuleText.quoted;

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

    private static final String ALL = "*";

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
                .flatMap(rule -> Grant.of(rule)
                        .filter(grant -> allowed.stream().noneMatch(grant::isCoveredBy))
                        .map(grant -> PolicyRuleText.describe(field, rule) + " exceeds ClawPolicy " + ceilingField + ": "
                                + grant.describe() + " is not allowed"));
    }

    /** One atomic permission: a verb on either one resource (optionally one named object) or one non-resource URL. */
    private record Grant(String verb, String apiGroup, String resource, String resourceName, String nonResourceURL) {

        /** Upstream's BreakdownRule: every combination of the rule's lists, one grant each. */
        static Stream<Grant> of(PolicyRule rule) {
            List<String> verbs = orEmpty(rule.getVerbs());
            List<String> names = orEmpty(rule.getResourceNames());
            Stream<Grant> onResources = orEmpty(rule.getApiGroups()).stream()
                    .flatMap(group -> orEmpty(rule.getResources()).stream()
                            .flatMap(resource -> verbs.stream()
                                    .flatMap(verb -> names.isEmpty()
                                            ? Stream.of(new Grant(verb, group, resource, null, null))
                                            : names.stream().map(name -> new Grant(verb, group, resource, name, null)))));
            Stream<Grant> onUrls = orEmpty(rule.getNonResourceURLs()).stream()
                    .flatMap(url -> verbs.stream().map(verb -> new Grant(verb, null, null, null, url)));
            return Stream.concat(onResources, onUrls);
        }

        /** Upstream's ruleCovers for a single grant. */
        boolean isCoveredBy(PolicyRule ceiling) {
            return allows(ceiling.getVerbs(), verb)
                    && (nonResourceURL == null ? coversResource(ceiling) : coversUrl(ceiling))
                    // A ceiling limited to named objects never covers a grant on all of them.
                    && (orEmpty(ceiling.getResourceNames()).isEmpty() || (resourceName != null && ceiling.getResourceNames().contains(resourceName)));
        }

        private boolean coversResource(PolicyRule ceiling) {
            List<String> resources = orEmpty(ceiling.getResources());
            // A subresource such as pods/log is covered by "*/log" too, but not by "pods" or "pods/*".
            boolean resourceAllowed = allows(resources, resource)
                    || (resource.contains("/") && resources.contains(ALL + resource.substring(resource.indexOf('/'))));
            return allows(ceiling.getApiGroups(), apiGroup) && resourceAllowed;
        }

        private boolean coversUrl(PolicyRule ceiling) {
            return orEmpty(ceiling.getNonResourceURLs()).stream().anyMatch(allowed -> allowed.equals(nonResourceURL)
                    || (allowed.endsWith(ALL) && nonResourceURL.startsWith(allowed.replaceAll("\\*+$", ""))));
        }

        private static boolean allows(List<String> values, String value) {
            List<String> allowed = orEmpty(values);
            return allowed.contains(ALL) || allowed.contains(value);
        }

        /** E.g. {@code verb "delete" on apps/deployments named "web"}, or just {@code pods} for the core group. */
        String describe() {
            if (nonResourceURL != null) {
                return "verb " + quoted(verb) + " on non-resource URL " + quoted(nonResourceURL);
            }
            String target = apiGroup.isEmpty() ? resource : apiGroup + "/" + resource;
            return "verb " + quoted(verb) + " on " + target + (resourceName == null ? "" : " named " + quoted(resourceName));
        }
    }
}

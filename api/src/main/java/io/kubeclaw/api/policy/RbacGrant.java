package io.kubeclaw.api.policy;

import static io.kubeclaw.api.policy.PolicyRuleText.orEmpty;
import static io.kubeclaw.api.policy.PolicyRuleText.quoted;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * One atomic permission: a verb on either one resource (optionally one named object) or one non-resource URL.
 * Breaking rules into these is how the apiserver compares two sets of RBAC rules, and how the admission webhook asks
 * whether a user holds what a SkillPack would grant.
 */
public record RbacGrant(String verb, String apiGroup, String resource, String resourceName, String nonResourceURL) {

    private static final String ALL = "*";

    /** Upstream's BreakdownRule: every combination of the rule's lists, one grant each. */
    public static Stream<RbacGrant> of(PolicyRule rule) {
        List<String> verbs = orEmpty(rule.getVerbs());
        List<String> names = orEmpty(rule.getResourceNames());
        Stream<RbacGrant> onResources = orEmpty(rule.getApiGroups()).stream()
                .flatMap(group -> orEmpty(rule.getResources()).stream()
                        .flatMap(resource -> verbs.stream()
                                .flatMap(verb -> names.isEmpty()
                                        ? Stream.of(new RbacGrant(verb, group, resource, null, null))
                                        : names.stream().map(name -> new RbacGrant(verb, group, resource, name, null)))));
        Stream<RbacGrant> onUrls = orEmpty(rule.getNonResourceURLs()).stream()
                .flatMap(url -> verbs.stream().map(verb -> new RbacGrant(verb, null, null, null, url)));
        return Stream.concat(onResources, onUrls);
    }

    /** Upstream's ruleCovers for a single grant. */
    public boolean isCoveredBy(PolicyRule ceiling) {
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
    public String describe() {
        if (nonResourceURL != null) {
            return "verb " + quoted(verb) + " on non-resource URL " + quoted(nonResourceURL);
        }
        String target = apiGroup.isEmpty() ? resource : apiGroup + "/" + resource;
        return "verb " + quoted(verb) + " on " + target + (resourceName == null ? "" : " named " + quoted(resourceName));
    }
}

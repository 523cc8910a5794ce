package io.kubeclaw.api.policy;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.stream.Collectors;

/** Names a sidecar's RBAC rule in a status message the way the user wrote it in YAML. */
public final class PolicyRuleText {

    private PolicyRuleText() {
    }

    /** E.g. {@code spec.sidecar.rbac rule {apiGroups: [""], resources: ["pods"], verbs: ["get"]}}; unset lists are left out. */
    public static String describe(String field, PolicyRule rule) {
        StringBuilder text = new StringBuilder(field).append(" rule {");
        appendIfSet(text, "apiGroups", rule.getApiGroups());
        appendIfSet(text, "resources", rule.getResources());
        appendIfSet(text, "resourceNames", rule.getResourceNames());
        appendIfSet(text, "nonResourceURLs", rule.getNonResourceURLs());
        appendIfSet(text, "verbs", rule.getVerbs());
        return text.append("}").toString();
    }

    /** As YAML would show it, so the core group reads "" rather than nothing. */
    static String quoted(String value) {
        return "\"" + value + "\"";
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static void appendIfSet(StringBuilder text, String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        if (text.charAt(text.length() - 1) != '{') {
            text.append(", ");
        }
        text.append(name).append(": ").append(values.stream().map(PolicyRuleText::quoted).collect(Collectors.joining(", ", "[", "]")));
    }
}

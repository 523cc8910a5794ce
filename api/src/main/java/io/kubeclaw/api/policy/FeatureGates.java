package io.kubeclaw.api.policy;

import io.kubeclaw.api.v1alpha1.ClawPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The feature gates a ClawPolicy can switch off, and the runner tools each one takes away. A gate that is unset or
 * true leaves its tools to the tool gating; a gate set to false removes them from every run under the policy.
 */
public final class FeatureGates {

    /** Gate name to the tools it covers; tool names are the runner's. */
    public static final Map<String, List<String>> TOOLS = Map.of(
            "code-execution", List.of("execute_command"),
            "web-fetch", List.of("fetch_url"),
            "file-write", List.of("write_file"),
            "channel-messages", List.of("send_channel_message"),
            "scheduling", List.of("schedule_task"));

    /**
     * The schema's rule that a policy names only these gates, so a misspelt or invented one is refused instead of stored
     * with no effect. Annotations take constants only: FeatureGatesTest checks this lists exactly {@link #TOOLS}' keys.
     */
    public static final String KNOWN_GATES_RULE =
            "self.all(gate, gate in ['code-execution', 'web-fetch', 'file-write', 'channel-messages', 'scheduling'])";
    public static final String KNOWN_GATES_MESSAGE =
            "a feature gate is one of code-execution, web-fetch, file-write, channel-messages, scheduling";

    private FeatureGates() {
    }

    /**
     * The tools any of the policies' disabled gates take away (a gate is off if any applicable policy turns it off),
     * sorted so that what is written to a run is stable.
     */
    public static Set<String> disabledTools(List<ClawPolicy> policies) {
        Set<String> tools = new TreeSet<>();
        for (ClawPolicy policy : policies) {
            Map<String, Boolean> gates = policy.getSpec() == null ? null : policy.getSpec().getFeatureGates();
            if (gates != null) {
                gates.forEach((gate, enabled) -> {
                    if (Boolean.FALSE.equals(enabled)) {
                        tools.addAll(TOOLS.getOrDefault(gate, List.of()));
                    }
                });
            }
        }
        return tools;
    }

    /** The disabled gate that takes the tool away, if one does. */
    public static Optional<String> disablingGate(ClawPolicy policy, String tool) {
        Map<String, Boolean> gates = policy.getSpec().getFeatureGates();
        if (gates == null) {
            return Optional.empty();
        }
        return gates.entrySet().stream()
                .filter(gate -> Boolean.FALSE.equals(gate.getValue()) && TOOLS.getOrDefault(gate.getKey(), List.of()).contains(tool))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }
}

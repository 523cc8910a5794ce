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

    private FeatureGates() {
    }

    /** The tools the policy's disabled gates take away, sorted so that what is written to a run is stable. */
    public static Set<String> disabledTools(Optional<ClawPolicy> policy) {
        Map<String, Boolean> gates = policy.map(p -> p.getSpec().getFeatureGates()).orElse(null);
        Set<String> tools = new TreeSet<>();
        if (gates != null) {
            gates.forEach((gate, enabled) -> {
                if (Boolean.FALSE.equals(enabled)) {
                    tools.addAll(TOOLS.getOrDefault(gate, List.of()));
                }
            });
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

package io.kubeclaw.api.policy;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.instance.SubagentsSpec;
import io.kubeclaw.api.v1alpha1.policy.SubagentPolicy;
import java.util.List;
import java.util.Optional;

/**
 * A policy's subagentPolicy, in effect: an instance may not set its subagents above the policy's ceilings, and a child
 * run may not sit deeper in the delegation tree than its instance and every applicable policy allow.
 */
public final class SubagentLimits {

    private SubagentLimits() {
    }

    /** Why the instance's subagent settings exceed the policy's ceilings, if they do. */
    public static Optional<String> instanceProblem(ClawInstance instance, ClawPolicy policy) {
        SubagentPolicy ceiling = policy.getSpec().getSubagentPolicy();
        SubagentsSpec own = instance.getSpec().getAgents() == null ? null : instance.getSpec().getAgents().getSubagents();
        if (ceiling == null || own == null) {
            return Optional.empty();
        }
        return above("spec.agents.subagents.maxDepth", own.getMaxDepth(), ceiling.getMaxDepth(), policy, "maxDepth")
                .or(() -> above("spec.agents.subagents.maxConcurrent", own.getMaxConcurrent(), ceiling.getMaxConcurrent(), policy, "maxConcurrent"));
    }

    /** Why a child run is deeper than its instance or a policy allows, if it is. */
    public static Optional<String> runProblem(AgentRun run, ClawInstance instance, List<ClawPolicy> policies) {
        Integer depth = run.getSpec().getParent() == null ? null : run.getSpec().getParent().getDepth();
        if (depth == null) {
            return Optional.empty();
        }
        for (ClawPolicy policy : policies) {
            SubagentPolicy ceiling = policy.getSpec().getSubagentPolicy();
            Optional<String> problem = above("spec.parent.depth", depth, ceiling == null ? null : ceiling.getMaxDepth(), policy, "maxDepth");
            if (problem.isPresent()) {
                return problem;
            }
        }
        SubagentsSpec own = instance.getSpec().getAgents() == null ? null : instance.getSpec().getAgents().getSubagents();
        if (own != null && own.getMaxDepth() != null && depth > own.getMaxDepth()) {
            return Optional.of("spec.parent.depth " + depth + " is deeper than ClawInstance \"" + instance.getMetadata().getName()
                    + "\" allows (spec.agents.subagents.maxDepth " + own.getMaxDepth() + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> above(String field, Integer value, Integer max, ClawPolicy policy, String rule) {
        if (value == null || max == null || value <= max) {
            return Optional.empty();
        }
        return Optional.of(field + " " + value + " is above " + PolicyBinding.describe(policy) + " subagentPolicy." + rule + " " + max
                + ": ask for at most " + max);
    }
}

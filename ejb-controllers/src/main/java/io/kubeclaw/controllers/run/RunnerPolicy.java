package io.kubeclaw.controllers.run;

import io.kubeclaw.api.policy.FeatureGates;
import io.kubeclaw.api.policy.ToolGatings;
import io.kubeclaw.api.runner.EgressRules;
import io.kubeclaw.api.runner.ToolRules;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.policy.NetworkIsolation;
import io.kubeclaw.api.v1alpha1.run.ToolPolicy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the runner enforces inside the pod, from the run's toolPolicy and its ClawPolicy: which tools it may call
 * (a disabled feature gate's tools are denied) and which non-public destinations fetch_url may reach. A pure function, so the translation is a table test.
 */
final class RunnerPolicy {

    private RunnerPolicy() {
    }

    /** The first applicable policy's gating decides as before; each further one can only narrow (ToolRules.narrowing). */
    static ToolRules toolRules(AgentRun run, List<ClawPolicy> policies) {
        ToolPolicy own = run.getSpec().getToolPolicy();
        List<ToolRules.Gating> gatings = policies.stream().map(p -> ToolGatings.of(p.getSpec().getToolGating())).toList();
        ToolRules.Gating first = gatings.isEmpty() ? new ToolRules.Gating(List.of(), null) : gatings.getFirst();
        return new ToolRules(ToolRules.VERSION,
                own == null ? null : own.getAllow(),
                denied(own, policies),
                first.rules(),
                first.defaultAction(),
                // Absent rather than empty when one policy applies, so a run's rules read as before.
                gatings.size() <= 1 ? null : List.copyOf(gatings.subList(1, gatings.size())));
    }

    /** The run's own deny list plus the tools any applicable policy's disabled feature gates take away. */
    private static List<String> denied(ToolPolicy own, List<ClawPolicy> policies) {
        Set<String> denied = new LinkedHashSet<>(own == null || own.getDeny() == null ? List.of() : own.getDeny());
        denied.addAll(FeatureGates.disabledTools(policies));
        return List.copyOf(denied);
    }

    static EgressRules egress(Optional<NetworkIsolation> isolation) {
        return new EgressRules(EgressRules.VERSION, isolation
                .map(NetworkIsolation::getAllowedEgress)
                .map(rules -> rules.stream().map(r -> new EgressRules.Rule(r.getCidr(), r.getHost(), r.getPort())).toList())
                .orElse(List.of()));
    }
}

package io.kubeclaw.controllers.run;

import io.kubeclaw.api.policy.FeatureGates;
import io.kubeclaw.api.runner.EgressRules;
import io.kubeclaw.api.runner.ToolRules;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.common.WireNames;
import io.kubeclaw.api.v1alpha1.policy.NetworkIsolation;
import io.kubeclaw.api.v1alpha1.policy.ToolGating;
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

    static ToolRules toolRules(AgentRun run, Optional<ClawPolicy> policy) {
        ToolPolicy own = run.getSpec().getToolPolicy();
        Optional<ToolGating> gating = policy.map(p -> p.getSpec().getToolGating());
        return new ToolRules(ToolRules.VERSION,
                own == null ? null : own.getAllow(),
                denied(own, policy),
                gating.map(g -> g.getRules() == null ? List.<ToolRules.Rule>of() : g.getRules().stream()
                        .map(rule -> new ToolRules.Rule(rule.getTool(), rule.getAction() == null ? null : WireNames.of(rule.getAction())))
                        .toList()).orElse(List.of()),
                gating.map(ToolGating::getDefaultAction).map(WireNames::of).orElse(null));
    }

    /** The run's own deny list plus the tools its policy's disabled feature gates take away. */
    private static List<String> denied(ToolPolicy own, Optional<ClawPolicy> policy) {
        Set<String> denied = new LinkedHashSet<>(own == null || own.getDeny() == null ? List.of() : own.getDeny());
        denied.addAll(FeatureGates.disabledTools(policy));
        return List.copyOf(denied);
    }

    static EgressRules egress(Optional<ClawPolicy> policy) {
        return new EgressRules(EgressRules.VERSION, policy.map(p -> p.getSpec().getNetworkPolicy())
                .map(NetworkIsolation::getAllowedEgress)
                .map(rules -> rules.stream().map(r -> new EgressRules.Rule(r.getCidr(), r.getHost(), r.getPort())).toList())
                .orElse(List.of()));
    }
}

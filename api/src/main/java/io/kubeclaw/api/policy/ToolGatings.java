package io.kubeclaw.api.policy;

import io.kubeclaw.api.runner.ToolRules;
import io.kubeclaw.api.v1alpha1.common.WireNames;
import io.kubeclaw.api.v1alpha1.policy.ToolGating;
import java.util.List;

/** A ClawPolicy's tool gating as the runner reads it: the same translation for the webhook and the Job. */
public final class ToolGatings {

    private ToolGatings() {
    }

    /** The gating's rules and default action in their wire names; none (everything allowed) when the policy sets none. */
    public static ToolRules.Gating of(ToolGating gating) {
        if (gating == null) {
            return new ToolRules.Gating(List.of(), null);
        }
        List<ToolRules.Rule> rules = gating.getRules() == null ? List.of() : gating.getRules().stream()
                .map(rule -> new ToolRules.Rule(rule.getTool(), rule.getAction() == null ? null : WireNames.of(rule.getAction())))
                .toList();
        return new ToolRules.Gating(rules, gating.getDefaultAction() == null ? null : WireNames.of(gating.getDefaultAction()));
    }
}

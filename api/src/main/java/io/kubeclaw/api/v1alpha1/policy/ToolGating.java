package io.kubeclaw.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.List;

/** Which tool calls are allowed, denied or held for approval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolGating {

    @JsonPropertyDescription("Action for tools no rule matches: allow, deny or ask.")
    private ToolAction defaultAction;

    // Bounded so the apiserver can afford the uniqueness check.
    @Size(max = 64)
    @ValidationRule(
            value = "self.all(r, self.exists_one(s, s.tool == r.tool))",
            message = "each tool may have only one rule: remove the duplicate entries of toolGating.rules")
    @JsonPropertyDescription("Per-tool actions. The most specific match wins; each tool may appear once.")
    private List<ToolRule> rules;

    public ToolAction getDefaultAction() {
        return defaultAction;
    }

    public void setDefaultAction(ToolAction defaultAction) {
        this.defaultAction = defaultAction;
    }

    public List<ToolRule> getRules() {
        return rules;
    }

    public void setRules(List<ToolRule> rules) {
        this.rules = rules;
    }
}

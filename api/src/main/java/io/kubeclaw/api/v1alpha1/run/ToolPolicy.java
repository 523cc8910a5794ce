package io.kubeclaw.api.v1alpha1.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;

import java.util.List;

/** Which tools one run may call, narrowing what its ClawPolicy allows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.allow) || !has(self.deny) || !self.allow.exists(t, t in self.deny)",
        message = "a tool is listed in both toolPolicy.allow and toolPolicy.deny: remove it from one of the lists")
public class ToolPolicy {

    /** Lists are bounded so the apiserver can afford the allow-versus-deny check. */
    public static final int MAX_TOOLS = 64;

    @Size(max = MAX_TOOLS)
    @JsonPropertyDescription("Tools the run may call (names, or prefixes ending in *). Unset allows what the ClawPolicy allows.")
    private List<@Size(max = SchemaPatterns.TOOL_NAME_MAX_LENGTH) @Pattern(SchemaPatterns.TOOL_NAME) String> allow;

    @Size(max = MAX_TOOLS)
    @JsonPropertyDescription("Tools the run must not call, even if the ClawPolicy allows them. A tool may not be in both lists.")
    private List<@Size(max = SchemaPatterns.TOOL_NAME_MAX_LENGTH) @Pattern(SchemaPatterns.TOOL_NAME) String> deny;

    public List<String> getAllow() {
        return allow;
    }

    public void setAllow(List<String> allow) {
        this.allow = allow;
    }

    public List<String> getDeny() {
        return deny;
    }

    public void setDeny(List<String> deny) {
        this.deny = deny;
    }
}

package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubeclaw.api.policy.FeatureGates;
import io.kubeclaw.api.v1alpha1.policy.NetworkIsolation;
import io.kubeclaw.api.v1alpha1.policy.RbacCeiling;
import io.kubeclaw.api.v1alpha1.policy.SandboxPolicy;
import io.kubeclaw.api.v1alpha1.policy.SubagentPolicy;
import io.kubeclaw.api.v1alpha1.policy.ToolGating;

import java.util.List;
import java.util.Map;

/** The desired state of a ClawPolicy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("The limits the policy imposes.")
public class ClawPolicySpec {

    @JsonPropertyDescription("Sandboxing that runs must accept.")
    private SandboxPolicy sandboxPolicy;

    @JsonPropertyDescription("Ceilings on subagent delegation.")
    private SubagentPolicy subagentPolicy;

    @JsonPropertyDescription("Which tool calls are allowed, denied or held for a human's approval.")
    private ToolGating toolGating;

    @Size(max = 64)
    @ValidationRule(value = FeatureGates.KNOWN_GATES_RULE, message = FeatureGates.KNOWN_GATES_MESSAGE)
    @JsonPropertyDescription("Features switched on (true) or off (false) by name: code-execution, web-fetch, file-write, channel-messages, "
            + "scheduling. A gate that is off takes its tools away from every run under the policy.")
    private Map<String, Boolean> featureGates;

    @Size(max = 32)
    @JsonPropertyDescription("Where instances' provider credentials may be sent: a spec.provider.baseURL must be one of these URLs or below "
            + "one (https://llm.example.com/v1 admits https://llm.example.com/v1/chat, not https://llm.example.com.evil). Unset: any URL; "
            + "an instance without a baseURL uses its provider's own endpoint.")
    private List<@Size(max = 2048) @Pattern("^https?://[^\\s]+$") String> allowedProviderURLs;

    @JsonPropertyDescription("Network access of agent pods.")
    private NetworkIsolation networkPolicy;

    @JsonPropertyDescription("The most Kubernetes access a SkillPack sidecar may be granted under this policy.")
    private RbacCeiling rbacCeiling;

    public SandboxPolicy getSandboxPolicy() {
        return sandboxPolicy;
    }

    public void setSandboxPolicy(SandboxPolicy sandboxPolicy) {
        this.sandboxPolicy = sandboxPolicy;
    }

    public SubagentPolicy getSubagentPolicy() {
        return subagentPolicy;
    }

    public void setSubagentPolicy(SubagentPolicy subagentPolicy) {
        this.subagentPolicy = subagentPolicy;
    }

    public ToolGating getToolGating() {
        return toolGating;
    }

    public void setToolGating(ToolGating toolGating) {
        this.toolGating = toolGating;
    }

    public Map<String, Boolean> getFeatureGates() {
        return featureGates;
    }

    public void setFeatureGates(Map<String, Boolean> featureGates) {
        this.featureGates = featureGates;
    }

    public NetworkIsolation getNetworkPolicy() {
        return networkPolicy;
    }

    public void setNetworkPolicy(NetworkIsolation networkPolicy) {
        this.networkPolicy = networkPolicy;
    }

    public RbacCeiling getRbacCeiling() {
        return rbacCeiling;
    }

    public List<String> getAllowedProviderURLs() {
        return allowedProviderURLs;
    }

    public void setAllowedProviderURLs(List<String> allowedProviderURLs) {
        this.allowedProviderURLs = allowedProviderURLs;
    }

    public void setRbacCeiling(RbacCeiling rbacCeiling) {
        this.rbacCeiling = rbacCeiling;
    }
}

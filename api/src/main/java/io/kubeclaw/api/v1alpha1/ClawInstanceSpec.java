package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;
import io.kubeclaw.api.v1alpha1.common.SkillRef;
import io.kubeclaw.api.v1alpha1.instance.AgentsSpec;
import io.kubeclaw.api.v1alpha1.instance.ChannelSpec;
import io.kubeclaw.api.v1alpha1.instance.MemorySpec;
import io.kubeclaw.api.v1alpha1.instance.ProviderSpec;

import java.util.List;

/** The desired state of a ClawInstance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("Desired state of the assistant.")
public class ClawInstanceSpec {

    @Required
    @JsonPropertyDescription("The LLM provider and model the instance's agents call.")
    private ProviderSpec provider;

    @Size(max = 16)
    @ValidationRule(
            value = "self.all(c, self.exists_one(d, d.type == c.type))",
            message = "each channel type may appear only once: merge the duplicate entries of spec.channels")
    @JsonPropertyDescription("Chat platforms the instance listens and answers on, at most one per type.")
    private List<ChannelSpec> channels;

    @Size(max = 32)
    @JsonPropertyDescription("SkillPacks whose skills every run of the instance gets.")
    private List<SkillRef> skills;

    @Pattern(SchemaPatterns.DNS1123_LABEL)
    @Size(max = SchemaPatterns.DNS1123_LABEL_MAX_LENGTH)
    @JsonPropertyDescription("Name of the ClawPolicy (same namespace) that bounds sandboxing, tools, network and RBAC of the instance's runs.")
    private String policyRef;

    @JsonPropertyDescription("Persistent memory kept between runs.")
    private MemorySpec memory;

    @JsonPropertyDescription("How agent runs are executed: sandbox, subagents, concurrency and timeout.")
    private AgentsSpec agents;

    public ProviderSpec getProvider() {
        return provider;
    }

    public void setProvider(ProviderSpec provider) {
        this.provider = provider;
    }

    public List<ChannelSpec> getChannels() {
        return channels;
    }

    public void setChannels(List<ChannelSpec> channels) {
        this.channels = channels;
    }

    public List<SkillRef> getSkills() {
        return skills;
    }

    public void setSkills(List<SkillRef> skills) {
        this.skills = skills;
    }

    public String getPolicyRef() {
        return policyRef;
    }

    public void setPolicyRef(String policyRef) {
        this.policyRef = policyRef;
    }

    public MemorySpec getMemory() {
        return memory;
    }

    public void setMemory(MemorySpec memory) {
        this.memory = memory;
    }

    public AgentsSpec getAgents() {
        return agents;
    }

    public void setAgents(AgentsSpec agents) {
        this.agents = agents;
    }
}

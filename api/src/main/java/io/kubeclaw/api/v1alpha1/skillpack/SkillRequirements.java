package io.kubeclaw.api.v1alpha1.skillpack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

import java.util.List;

/** What a skill needs in the agent's environment to be usable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SkillRequirements {

    @Size(max = 32)
    @JsonPropertyDescription("Executables that must be on the PATH, e.g. kubectl or jq.")
    private List<String> bins;

    @Size(max = 32)
    @JsonPropertyDescription("Agent tools the skill calls, e.g. shell or http.")
    private List<String> tools;

    public List<String> getBins() {
        return bins;
    }

    public void setBins(List<String> bins) {
        this.bins = bins;
    }

    public List<String> getTools() {
        return tools;
    }

    public void setTools(List<String> tools) {
        this.tools = tools;
    }
}

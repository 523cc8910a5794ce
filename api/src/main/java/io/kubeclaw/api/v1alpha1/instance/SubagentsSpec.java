package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** How far an instance's agents may delegate to child runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.maxChildrenPerAgent) || !has(self.maxConcurrent) || self.maxChildrenPerAgent <= self.maxConcurrent",
        message = "maxChildrenPerAgent cannot exceed maxConcurrent: lower maxChildrenPerAgent or raise maxConcurrent")
public class SubagentsSpec {

    @Min(0)
    @Max(10)
    @JsonPropertyDescription("How many levels of child runs an agent may spawn; 0 disables subagents.")
    private Integer maxDepth;

    @Min(0)
    @JsonPropertyDescription("How many child runs of this instance may run at once, across all parents.")
    private Integer maxConcurrent;

    @Min(0)
    @JsonPropertyDescription("How many child runs one agent may have running at once. At most maxConcurrent.")
    private Integer maxChildrenPerAgent;

    public Integer getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(Integer maxDepth) {
        this.maxDepth = maxDepth;
    }

    public Integer getMaxConcurrent() {
        return maxConcurrent;
    }

    public void setMaxConcurrent(Integer maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    public Integer getMaxChildrenPerAgent() {
        return maxChildrenPerAgent;
    }

    public void setMaxChildrenPerAgent(Integer maxChildrenPerAgent) {
        this.maxChildrenPerAgent = maxChildrenPerAgent;
    }
}

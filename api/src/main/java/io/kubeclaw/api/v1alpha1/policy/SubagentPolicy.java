package io.kubeclaw.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The most delegation any instance under a policy may configure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubagentPolicy {

    @Min(0)
    @Max(10)
    @JsonPropertyDescription("Ceiling on the instances' subagents.maxDepth; 0 forbids subagents.")
    private Integer maxDepth;

    @Min(0)
    @JsonPropertyDescription("Ceiling on the instances' subagents.maxConcurrent.")
    private Integer maxConcurrent;

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
}

package io.kubeclaw.api.v1alpha1.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;

/** The run that spawned a child run, and how deep the child is in the delegation tree. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.depth >= 1",
        message = "parent.depth must be at least 1: a child run is one level below its parent (the parent's depth + 1)")
public class ParentRun {

    @Required
    @Pattern(SchemaPatterns.DNS1123_SUBDOMAIN)
    @Size(max = SchemaPatterns.DNS1123_SUBDOMAIN_MAX_LENGTH)
    @JsonPropertyDescription("Name of the parent AgentRun, in the same namespace.")
    private String runName;

    @Required
    @JsonPropertyDescription("Depth of this run in the delegation tree: 1 for a child of a top-level run. Bounded by the instance's subagents.maxDepth.")
    private Integer depth;

    public ParentRun() {
    }

    public ParentRun(String runName, Integer depth) {
        this.runName = runName;
        this.depth = depth;
    }

    public String getRunName() {
        return runName;
    }

    public void setRunName(String runName) {
        this.runName = runName;
    }

    public Integer getDepth() {
        return depth;
    }

    public void setDepth(Integer depth) {
        this.depth = depth;
    }
}

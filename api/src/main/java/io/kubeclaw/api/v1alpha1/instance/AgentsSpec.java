package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.kubeclaw.api.v1alpha1.common.SandboxSpec;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;

/** How an instance runs its agents: sandboxing, delegation and limits. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentsSpec {

    @JsonPropertyDescription("Default sandbox for the instance's runs; an AgentRun may override it within the ClawPolicy.")
    private SandboxSpec sandbox;

    @JsonPropertyDescription("Limits on child runs that agents spawn.")
    private SubagentsSpec subagents;

    @Min(1)
    @JsonPropertyDescription("How many AgentRuns of this instance may run at once; further runs wait in Pending.")
    private Integer maxConcurrentRuns;

    @Pattern(SchemaPatterns.DURATION)
    @Size(max = 32)
    @JsonPropertyDescription("Default timeout of a run, as a duration such as 30m or 1h30m.")
    private String runTimeout;

    public SandboxSpec getSandbox() {
        return sandbox;
    }

    public void setSandbox(SandboxSpec sandbox) {
        this.sandbox = sandbox;
    }

    public SubagentsSpec getSubagents() {
        return subagents;
    }

    public void setSubagents(SubagentsSpec subagents) {
        this.subagents = subagents;
    }

    public Integer getMaxConcurrentRuns() {
        return maxConcurrentRuns;
    }

    public void setMaxConcurrentRuns(Integer maxConcurrentRuns) {
        this.maxConcurrentRuns = maxConcurrentRuns;
    }

    public String getRunTimeout() {
        return runTimeout;
    }

    public void setRunTimeout(String runTimeout) {
        this.runTimeout = runTimeout;
    }
}

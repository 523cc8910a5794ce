package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kubeclaw.api.v1alpha1.common.ConditionedStatus;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.api.v1alpha1.run.TokenUsage;

/** The observed state of an AgentRun, written by the operator and the runner. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("Progress and outcome of the run, written by the operator.")
public class AgentRunStatus extends ConditionedStatus {

    @JsonPropertyDescription("Pending, Running, Succeeded or Failed. Succeeded and Failed are final.")
    private AgentRunPhase phase;

    @JsonPropertyDescription("Name of the Job that runs the agent.")
    private String jobName;

    @JsonPropertyDescription("Name of the pod the agent runs in.")
    private String podName;

    @JsonPropertyDescription("When the agent started, RFC 3339.")
    private String startedAt;

    @JsonPropertyDescription("When the run reached Succeeded or Failed, RFC 3339.")
    private String completedAt;

    @JsonPropertyDescription("The agent's final answer, possibly truncated.")
    private String result;

    @JsonPropertyDescription("Why the run failed, when it did.")
    private String error;

    @JsonPropertyDescription("LLM tokens consumed by the run.")
    private TokenUsage tokenUsage;

    @JsonPropertyDescription("Number of tool calls the agent made.")
    private Integer toolCalls;

    public AgentRunPhase getPhase() {
        return phase;
    }

    public void setPhase(AgentRunPhase phase) {
        this.phase = phase;
    }

    public String getJobName() {
        return jobName;
    }

    public void setJobName(String jobName) {
        this.jobName = jobName;
    }

    public String getPodName() {
        return podName;
    }

    public void setPodName(String podName) {
        this.podName = podName;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(String completedAt) {
        this.completedAt = completedAt;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    public TokenUsage getTokenUsage() {
        return tokenUsage;
    }

    public void setTokenUsage(TokenUsage tokenUsage) {
        this.tokenUsage = tokenUsage;
    }

    public Integer getToolCalls() {
        return toolCalls;
    }

    public void setToolCalls(Integer toolCalls) {
        this.toolCalls = toolCalls;
    }
}

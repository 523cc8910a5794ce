package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kubeclaw.api.v1alpha1.common.ConditionedStatus;
import io.kubeclaw.api.v1alpha1.common.ReadinessPhase;
import io.kubeclaw.api.v1alpha1.instance.ChannelStatus;

import java.util.List;

/** The observed state of a ClawInstance, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("Observed state of the assistant, written by the operator.")
public class ClawInstanceStatus extends ConditionedStatus {

    @JsonPropertyDescription("Summary of the conditions: Pending, Ready, Degraded or Failed.")
    private ReadinessPhase phase;

    @JsonPropertyDescription("Connection state of each configured channel.")
    private List<ChannelStatus> channels;

    @JsonPropertyDescription("Number of agent pods of this instance currently running.")
    private Integer activeAgentPods;

    @JsonPropertyDescription("Number of AgentRuns this instance has started since it was created.")
    private Long totalAgentRuns;

    public ReadinessPhase getPhase() {
        return phase;
    }

    public void setPhase(ReadinessPhase phase) {
        this.phase = phase;
    }

    public List<ChannelStatus> getChannels() {
        return channels;
    }

    public void setChannels(List<ChannelStatus> channels) {
        this.channels = channels;
    }

    public Integer getActiveAgentPods() {
        return activeAgentPods;
    }

    public void setActiveAgentPods(Integer activeAgentPods) {
        this.activeAgentPods = activeAgentPods;
    }

    public Long getTotalAgentRuns() {
        return totalAgentRuns;
    }

    public void setTotalAgentRuns(Long totalAgentRuns) {
        this.totalAgentRuns = totalAgentRuns;
    }
}

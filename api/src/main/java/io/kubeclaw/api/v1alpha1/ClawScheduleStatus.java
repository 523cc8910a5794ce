package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kubeclaw.api.v1alpha1.common.ConditionedStatus;

import java.util.List;

/** The observed state of a ClawSchedule, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("Past and next runs of the schedule, written by the operator.")
public class ClawScheduleStatus extends ConditionedStatus {

    @JsonPropertyDescription("When the last run was started, RFC 3339.")
    private String lastRunTime;

    @JsonPropertyDescription("When the next run is due, RFC 3339.")
    private String nextRunTime;

    @JsonPropertyDescription("Name of the AgentRun started last.")
    private String lastRunName;

    @JsonPropertyDescription("Number of runs the schedule has started.")
    private Long totalRuns;

    @JsonPropertyDescription("Names of the AgentRuns started by this schedule that have not finished.")
    private List<String> active;

    public String getLastRunTime() {
        return lastRunTime;
    }

    public void setLastRunTime(String lastRunTime) {
        this.lastRunTime = lastRunTime;
    }

    public String getNextRunTime() {
        return nextRunTime;
    }

    public void setNextRunTime(String nextRunTime) {
        this.nextRunTime = nextRunTime;
    }

    public String getLastRunName() {
        return lastRunName;
    }

    public void setLastRunName(String lastRunName) {
        this.lastRunName = lastRunName;
    }

    public Long getTotalRuns() {
        return totalRuns;
    }

    public void setTotalRuns(Long totalRuns) {
        this.totalRuns = totalRuns;
    }

    public List<String> getActive() {
        return active;
    }

    public void setActive(List<String> active) {
        this.active = active;
    }

    /** Derived from {@link #getActive()} so the two never disagree; a printer column can't count a list itself. */
    @JsonProperty(value = "activeCount", access = JsonProperty.Access.READ_ONLY)
    @JsonPropertyDescription("Number of entries in active, for kubectl get.")
    public Integer getActiveCount() {
        return active == null ? null : active.size();
    }
}

package io.kubeclaw.api.v1alpha1.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of run a ClawSchedule starts. */
public enum ScheduleType {
    /** A check-in: the agent reviews its memory and pending work; needs no task. */
    @JsonProperty("heartbeat") HEARTBEAT,
    /** The given task, on the schedule. */
    @JsonProperty("scheduled") SCHEDULED,
    /** A sweep over the instance's scope (e.g. the namespace) looking for problems, guided by the task. */
    @JsonProperty("sweep") SWEEP
}

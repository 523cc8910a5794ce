package io.kubeclaw.api.v1alpha1.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an AgentRun is in its one-way lifecycle. */
public enum AgentRunPhase {
    @JsonProperty("Pending") PENDING,
    @JsonProperty("Running") RUNNING,
    @JsonProperty("Succeeded") SUCCEEDED,
    @JsonProperty("Failed") FAILED;

    /** Whether the run has ended and will not change phase again. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}

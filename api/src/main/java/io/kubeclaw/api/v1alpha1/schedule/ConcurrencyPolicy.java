package io.kubeclaw.api.v1alpha1.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a ClawSchedule does when a run is due while the previous one still runs; as for CronJobs. */
public enum ConcurrencyPolicy {
    @JsonProperty("Forbid") FORBID,
    @JsonProperty("Allow") ALLOW,
    @JsonProperty("Replace") REPLACE
}

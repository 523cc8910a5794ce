package io.kubeclaw.api.v1alpha1.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens to a run's Job and pod once the run has finished. */
public enum CleanupPolicy {
    @JsonProperty("Delete") DELETE,
    @JsonProperty("Keep") KEEP
}

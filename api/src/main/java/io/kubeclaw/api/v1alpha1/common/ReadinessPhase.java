package io.kubeclaw.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The lifecycle summary of a long-lived resource (ClawInstance, SkillPack); conditions carry the detail. */
public enum ReadinessPhase {
    /** Accepted, not yet ready: references are being resolved or dependents created. */
    @JsonProperty("Pending") PENDING,
    /** Everything it needs exists and works. */
    @JsonProperty("Ready") READY,
    /** Usable, but part of it is not working, e.g. one channel is disconnected. */
    @JsonProperty("Degraded") DEGRADED,
    /** Not usable until the spec or something it references is fixed. */
    @JsonProperty("Failed") FAILED
}

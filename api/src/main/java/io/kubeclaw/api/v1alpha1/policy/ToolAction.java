package io.kubeclaw.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens when an agent calls a tool. */
public enum ToolAction {
    @JsonProperty("allow") ALLOW,
    @JsonProperty("deny") DENY,
    /** The call waits until a human approves it on the instance's channel. */
    @JsonProperty("ask") ASK
}

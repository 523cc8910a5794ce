package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The connection state of one channel of an instance. */
public enum ChannelState {
    @JsonProperty("Connecting") CONNECTING,
    @JsonProperty("Connected") CONNECTED,
    @JsonProperty("Disconnected") DISCONNECTED,
    @JsonProperty("Failed") FAILED
}

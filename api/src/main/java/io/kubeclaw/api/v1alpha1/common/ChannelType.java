package io.kubeclaw.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The chat platforms an instance can talk on. */
public enum ChannelType {
    @JsonProperty("telegram") TELEGRAM,
    @JsonProperty("slack") SLACK,
    @JsonProperty("discord") DISCORD,
    @JsonProperty("whatsapp") WHATSAPP;

    public String wireName() {
        return WireNames.of(this);
    }
}

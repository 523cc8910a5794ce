package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kubeclaw.api.v1alpha1.common.ChannelType;

/** The observed state of one channel of an instance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChannelStatus {

    @JsonPropertyDescription("Chat platform this entry reports on.")
    private ChannelType type;

    @JsonPropertyDescription("Connection state: Connecting, Connected, Disconnected or Failed.")
    private ChannelState status;

    @JsonPropertyDescription("Human-readable detail, e.g. why the connection failed.")
    private String message;

    public ChannelStatus() {
    }

    public ChannelStatus(ChannelType type, ChannelState status, String message) {
        this.type = type;
        this.status = status;
        this.message = message;
    }

    public ChannelType getType() {
        return type;
    }

    public void setType(ChannelType type) {
        this.type = type;
    }

    public ChannelState getStatus() {
        return status;
    }

    public void setStatus(ChannelState status) {
        this.status = status;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}

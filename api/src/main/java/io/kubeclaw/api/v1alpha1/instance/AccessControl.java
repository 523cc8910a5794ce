package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

import java.util.List;

/** Who may talk to an instance on one channel; an empty list allows everyone. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccessControl {

    @Size(max = 256)
    @JsonPropertyDescription("Sender IDs or user names (as the channel reports them) whose messages are accepted. Empty or unset accepts all senders.")
    private List<String> allowedSenders;

    @Size(max = 256)
    @JsonPropertyDescription("Chat, group or channel IDs the instance answers in. Empty or unset accepts all chats.")
    private List<String> allowedChats;

    public List<String> getAllowedSenders() {
        return allowedSenders;
    }

    public void setAllowedSenders(List<String> allowedSenders) {
        this.allowedSenders = allowedSenders;
    }

    public List<String> getAllowedChats() {
        return allowedChats;
    }

    public void setAllowedChats(List<String> allowedChats) {
        this.allowedChats = allowedChats;
    }
}

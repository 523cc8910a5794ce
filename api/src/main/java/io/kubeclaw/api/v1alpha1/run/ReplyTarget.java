package io.kubeclaw.api.v1alpha1.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.kubeclaw.api.v1alpha1.common.ChannelType;

/** The chat a run's answer is routed back to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplyTarget {

    @Required
    @JsonPropertyDescription("Channel type the answer goes out on: telegram, slack, discord or whatsapp.")
    private ChannelType channel;

    @Required
    @Size(min = 1, max = 256)
    @JsonPropertyDescription("Chat, group or conversation ID on that channel.")
    private String chatId;

    public ReplyTarget() {
    }

    public ReplyTarget(ChannelType channel, String chatId) {
        this.channel = channel;
        this.chatId = chatId;
    }

    public ChannelType getChannel() {
        return channel;
    }

    public void setChannel(ChannelType channel) {
        this.channel = channel;
    }

    public String getChatId() {
        return chatId;
    }

    public void setChatId(String chatId) {
        this.chatId = chatId;
    }
}

package io.kubeclaw.api.events;

/**
 * A message a run sends to a chat, published on the instance's {@code channel.<type>.outbound} subject.
 *
 * @param channel the channel type's wire name: telegram, slack, discord or whatsapp
 * @param run     the run that sent it
 */
public record ChannelReply(int version, String channel, String chatId, String text, String run) {

    public static final int VERSION = 1;
}

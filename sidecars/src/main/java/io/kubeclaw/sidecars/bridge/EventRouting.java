package io.kubeclaw.sidecars.bridge;

import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.bus.EventSubjects.RunTopic;
import io.kubeclaw.api.events.ChannelReply;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.api.v1alpha1.common.ChannelType;
import java.util.Arrays;

/**
 * Where an event file of this run goes on the bus. The subject comes from the bridge's own settings, never from the
 * file, so an agent can publish only under its own run and its own instance's channels.
 */
record EventRouting(String namespace, String instance, String run) {

    /** The subject for {@code file}'s content; {@link IllegalArgumentException} when the content cannot be routed. */
    String subject(IpcLayout.EventFile file, String content) {
        return switch (file.topic()) {
            case EVENT -> EventSubjects.run(namespace, instance, run, RunTopic.EVENT);
            case TOOL -> EventSubjects.run(namespace, instance, run, RunTopic.TOOL);
            case RESULT -> EventSubjects.run(namespace, instance, run, RunTopic.RESULT);
            case SCHEDULE -> EventSubjects.scheduleRequest(namespace, instance);
            case REPLY -> {
                ChannelReply reply = EventJson.read(content, ChannelReply.class)
                        .orElseThrow(() -> new IllegalArgumentException("not a channel reply"));
                if (Arrays.stream(ChannelType.values()).noneMatch(type -> type.wireName().equals(reply.channel()))) {
                    throw new IllegalArgumentException("\"" + reply.channel() + "\" is not a channel type");
                }
                yield EventSubjects.channel(namespace, instance, reply.channel(), false);
            }
        };
    }

    /** Unique per run and file, and the same when the file is published again: JetStream drops the repeat. */
    static String messageId(String runUid, IpcLayout.EventFile file) {
        return runUid + "/" + file.fileName();
    }
}

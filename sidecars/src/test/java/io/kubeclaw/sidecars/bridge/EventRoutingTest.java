package io.kubeclaw.sidecars.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.events.ChannelReply;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.ipc.IpcLayout.EventFile;
import io.kubeclaw.api.ipc.IpcLayout.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventRoutingTest {

    private static final EventRouting ROUTING = new EventRouting("team-a", "helper", "run-1");

    private static String reply(String channel) {
        return EventJson.write(new ChannelReply(ChannelReply.VERSION, channel, "C0123", "done", "run-1"));
    }

    @ParameterizedTest
    @CsvSource({
            "EVENT,    kubeclaw.team-a.helper.run.run-1.event",
            "TOOL,     kubeclaw.team-a.helper.run.run-1.tool",
            "RESULT,   kubeclaw.team-a.helper.run.run-1.result",
            "SCHEDULE, kubeclaw.team-a.helper.schedule.request",
    })
    void eachTopicGoesToItsDocumentedSubject(Topic topic, String subject) {
        assertThat(ROUTING.subject(new EventFile(1, topic), "{}")).isEqualTo(subject);
    }

    @Test
    void theSubjectsAreThoseOfTheSubjectScheme() {
        assertThat(ROUTING.subject(new EventFile(1, Topic.RESULT), "{}"))
                .isEqualTo(EventSubjects.run("team-a", "helper", "run-1", EventSubjects.RunTopic.RESULT));
        assertThat(ROUTING.subject(new EventFile(1, Topic.SCHEDULE), "{}"))
                .isEqualTo(EventSubjects.scheduleRequest("team-a", "helper"));
        assertThat(ROUTING.subject(new EventFile(1, Topic.REPLY), reply("slack")))
                .isEqualTo(EventSubjects.channel("team-a", "helper", "slack", false));
    }

    @Test
    void theFileContentCannotRedirectARunEvent() {
        String claimsOtherRun = "{\"namespace\":\"other\",\"instance\":\"evil\",\"run\":\"run-2\"}";

        assertThat(ROUTING.subject(new EventFile(1, Topic.RESULT), claimsOtherRun))
                .isEqualTo("kubeclaw.team-a.helper.run.run-1.result");
        assertThat(ROUTING.subject(new EventFile(1, Topic.EVENT), "not even json"))
                .isEqualTo("kubeclaw.team-a.helper.run.run-1.event");
    }

    @ParameterizedTest
    @CsvSource({
            "slack,    kubeclaw.team-a.helper.channel.slack.outbound",
            "telegram, kubeclaw.team-a.helper.channel.telegram.outbound",
            "discord,  kubeclaw.team-a.helper.channel.discord.outbound",
            "whatsapp, kubeclaw.team-a.helper.channel.whatsapp.outbound",
    })
    void aReplyGoesToItsChannelsOutboundSubjectOfThisInstance(String channel, String subject) {
        assertThat(ROUTING.subject(new EventFile(7, Topic.REPLY), reply(channel))).isEqualTo(subject);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"irc", "Slack", "SLACK", "", "slack.inbound", "*", ">", "slack.outbound.x"})
    void aReplyToAChannelTypeThatDoesNotExistIsRefused(String channel) {
        assertThatIllegalArgumentException().isThrownBy(() -> ROUTING.subject(new EventFile(7, Topic.REPLY), reply(channel)))
                .withMessageContaining("is not a channel type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"channel\":", "null", "[]", "{\"channel\":\"slack\"} trailing"})
    void aReplyThatIsNotJsonIsRefused(String content) {
        assertThatIllegalArgumentException().isThrownBy(() -> ROUTING.subject(new EventFile(7, Topic.REPLY), content))
                .withMessage("not a channel reply");
    }

    @Test
    void dottedNamesBecomeSingleTokens() {
        EventRouting routing = new EventRouting("team-a", "helper.v2", "run.2024.01");

        assertThat(routing.subject(new EventFile(1, Topic.TOOL), "{}")).isEqualTo("kubeclaw.team-a.helper_v2.run.run_2024_01.tool");
        assertThat(routing.subject(new EventFile(1, Topic.REPLY), reply("slack")))
                .isEqualTo("kubeclaw.team-a.helper_v2.channel.slack.outbound");
    }

    @ParameterizedTest
    @CsvSource({
            "0b7e2f8e-3c1d-4a3e-9a51-0f6c1b2d3e4f, 12, RESULT, 0b7e2f8e-3c1d-4a3e-9a51-0f6c1b2d3e4f/00000012.result.json",
            "uid-1,                                 0,  EVENT,  uid-1/00000000.event.json",
            "uid-1,                         123456789,  REPLY,  uid-1/123456789.reply.json",
    })
    void theMessageIdIsTheRunUidAndTheFileName(String uid, long sequence, Topic topic, String messageId) {
        assertThat(EventRouting.messageId(uid, new EventFile(sequence, topic))).isEqualTo(messageId);
    }

    @Test
    void theMessageIdDiffersPerRunAndPerFileAndRepeatsForTheSameFile() {
        EventFile file = new EventFile(3, Topic.EVENT);

        assertThat(EventRouting.messageId("uid-1", file)).isEqualTo(EventRouting.messageId("uid-1", new EventFile(3, Topic.EVENT)))
                .isNotEqualTo(EventRouting.messageId("uid-2", file))
                .isNotEqualTo(EventRouting.messageId("uid-1", new EventFile(4, Topic.EVENT)))
                .isNotEqualTo(EventRouting.messageId("uid-1", new EventFile(3, Topic.TOOL)));
    }
}

package io.kubeclaw.api.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.kubeclaw.api.bus.EventSubjects.RunSubject;
import io.kubeclaw.api.bus.EventSubjects.RunTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventSubjectsTest {

    @ParameterizedTest
    @CsvSource({
            "EVENT,   kubeclaw.team-a.helper.run.run-1.event",
            "TOOL,    kubeclaw.team-a.helper.run.run-1.tool",
            "RESULT,  kubeclaw.team-a.helper.run.run-1.result",
            "INBOUND, kubeclaw.team-a.helper.run.run-1.inbound",
    })
    void eachRunTopicHasItsSubject(RunTopic topic, String subject) {
        assertThat(EventSubjects.run("team-a", "helper", "run-1", topic)).isEqualTo(subject);
    }

    @ParameterizedTest
    @CsvSource({
            "slack,    true,  kubeclaw.team-a.helper.channel.slack.inbound",
            "slack,    false, kubeclaw.team-a.helper.channel.slack.outbound",
            "telegram, true,  kubeclaw.team-a.helper.channel.telegram.inbound",
            "telegram, false, kubeclaw.team-a.helper.channel.telegram.outbound",
    })
    void aChannelHasAnInboundAndAnOutboundSubject(String type, boolean inbound, String subject) {
        assertThat(EventSubjects.channel("team-a", "helper", type, inbound)).isEqualTo(subject);
    }

    @Test
    void scheduleRequestsHaveOneSubjectPerInstance() {
        assertThat(EventSubjects.scheduleRequest("team-a", "helper")).isEqualTo("kubeclaw.team-a.helper.schedule.request");
    }

    @Test
    void theWildcardFiltersCoverEveryNamespaceAndInstance() {
        assertThat(EventSubjects.allRunResults()).isEqualTo("kubeclaw.*.*.run.*.result");
        assertThat(EventSubjects.allScheduleRequests()).isEqualTo("kubeclaw.*.*.schedule.request");
    }

    @Test
    void aNamespacesRunsAreOneFilterThatNoOtherNamespaceMatches() {
        assertThat(EventSubjects.runsInNamespace("team-a")).isEqualTo("kubeclaw.team-a.*.run.>");
        assertThat(EventSubjects.runsInNamespace("team.a")).isEqualTo("kubeclaw.team_a.*.run.>");
        assertThatIllegalArgumentException().isThrownBy(() -> EventSubjects.runsInNamespace("*"));
    }

    @Test
    void dotsInNamesBecomeUnderscoresSoEachNameStaysOneToken() {
        assertThat(EventSubjects.run("team-a", "helper.v2", "run.2024.01", RunTopic.RESULT))
                .isEqualTo("kubeclaw.team-a.helper_v2.run.run_2024_01.result");
        assertThat(EventSubjects.channel("team-a", "helper.v2", "slack", false))
                .isEqualTo("kubeclaw.team-a.helper_v2.channel.slack.outbound");
        assertThat(EventSubjects.scheduleRequest("team.a", "helper")).isEqualTo("kubeclaw.team_a.helper.schedule.request");
    }

    @ParameterizedTest
    @CsvSource({
            "run-1,         run-1",
            "run.1,         run_1",
            "a.b.c,         a_b_c",
            "example.com,   example_com",
            "0,             0",
    })
    void tokenAndNameReverseEachOther(String kubernetesName, String token) {
        assertThat(EventSubjects.token(kubernetesName)).isEqualTo(token);
        assertThat(EventSubjects.name(token)).isEqualTo(kubernetesName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a_b", "*", "run-*", ">", "a>", "a b", " a", "a\t", "a\nb"})
    void aTokenRefusesWhatNoKubernetesNameHolds(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> EventSubjects.token(name))
                .withMessageContaining("not a Kubernetes object name");
    }

    @Test
    void aTokenRefusesNull() {
        assertThatNullPointerException().isThrownBy(() -> EventSubjects.token(null));
    }

    @Test
    void aSubjectWithABadNameIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventSubjects.run("team-a", "helper", "run_1", RunTopic.EVENT));
        assertThatIllegalArgumentException().isThrownBy(() -> EventSubjects.run("team-a", "*", "run-1", RunTopic.EVENT));
        assertThatIllegalArgumentException().isThrownBy(() -> EventSubjects.channel(">", "helper", "slack", true));
        assertThatIllegalArgumentException().isThrownBy(() -> EventSubjects.channel("team-a", "helper", "sl ack", true));
        assertThatIllegalArgumentException().isThrownBy(() -> EventSubjects.scheduleRequest("team-a", ""));
    }

    @ParameterizedTest
    @EnumSource(RunTopic.class)
    void aRunSubjectParsesBackToItsParts(RunTopic topic) {
        String subject = EventSubjects.run("team.a", "helper.v2", "run.2024.01", topic);

        assertThat(EventSubjects.parseRun(subject)).isEqualTo(new RunSubject("team.a", "helper.v2", "run.2024.01", topic));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubeclaw.team-a.helper.channel.slack.inbound",
            "kubeclaw.team-a.helper.schedule.request",
            "kubeclaw.team-a.helper.run.run-1.unknown",
            "kubeclaw.team-a.helper.run.run-1",
            "kubeclaw.team-a.helper.run.run-1.event.extra",
            "other.team-a.helper.run.run-1.event",
            "kubeclaw.team-a.helper.job.run-1.event",
            "kubeclaw.team-a.helper.run.run-1.EVENT",
            "",
    })
    void aSubjectThatIsNotARunSubjectParsesToNull(String subject) {
        assertThat(EventSubjects.parseRun(subject)).isNull();
    }
}

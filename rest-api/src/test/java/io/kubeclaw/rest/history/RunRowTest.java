package io.kubeclaw.rest.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunStatus;
import io.kubeclaw.api.v1alpha1.common.ChannelType;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.api.v1alpha1.run.ReplyTarget;
import io.kubeclaw.api.v1alpha1.run.TokenUsage;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RunRowTest {

    private static AgentRun run(AgentRunPhase phase, String result, String error) {
        AgentRun run = AgentRunFixture.run("diagnose").forInstance("sre").withTask("why is payments down?").inNamespace("team-a").build();
        run.getMetadata().setUid("uid-1");
        run.getMetadata().setCreationTimestamp("2026-11-24T10:00:00Z");
        if (phase != null) {
            AgentRunStatus status = new AgentRunStatus();
            status.setPhase(phase);
            status.setResult(result);
            status.setError(error);
            status.setStartedAt("2026-11-24T10:00:02Z");
            status.setCompletedAt(phase == AgentRunPhase.RUNNING ? null : "2026-11-24T10:01:00Z");
            status.setTokenUsage(new TokenUsage(1200L, 340L));
            status.setToolCalls(4);
            run.setStatus(status);
        }
        return run;
    }

    @Test
    void aNewRunHasOnlyWhatItWasGiven() {
        RunRow row = RunRow.of(run(null, null, null));

        assertThat(row).isEqualTo(new RunRow("uid-1", "team-a", "sre", "diagnose", "why is payments down?", null, null, null, null,
                null, null, null, OffsetDateTime.parse("2026-11-24T10:00:00Z"), null, null, null, null, ""));
        assertThat(row.answer()).isEmpty();
    }

    @Test
    void aSucceededRunCarriesItsOutcomeTokensAndTimings() {
        RunRow row = RunRow.of(run(AgentRunPhase.SUCCEEDED, "3 pods are crash-looping", null));

        assertThat(row.phase()).isEqualTo("Succeeded");
        assertThat(row.result()).isEqualTo("3 pods are crash-looping");
        assertThat(row.inputTokens()).isEqualTo(1200L);
        assertThat(row.outputTokens()).isEqualTo(340L);
        assertThat(row.toolCalls()).isEqualTo(4);
        assertThat(row.startedAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T10:00:02Z"));
        assertThat(row.completedAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T10:01:00Z"));
        assertThat(row.answer()).contains("3 pods are crash-looping");
    }

    @Test
    void onlyAnEndedRunAnswersAndAFailedOneAnswersWithWhy() {
        assertThat(RunRow.of(run(AgentRunPhase.RUNNING, null, null)).answer()).isEmpty();
        assertThat(RunRow.of(run(AgentRunPhase.FAILED, null, "the agent container exited with code 2")).answer())
                .contains("(the run failed: the agent container exited with code 2)");
    }

    @Test
    void aRunFromAChatBelongsToItsSessionWithItsChannelAndParticipant() {
        AgentRun run = run(null, null, null);
        run.getSpec().setSessionKey("telegram:4242");
        ReplyTarget reply = new ReplyTarget();
        reply.setChannel(ChannelType.TELEGRAM);
        reply.setChatId("4242");
        run.getSpec().setReplyTo(reply);

        RunRow row = RunRow.of(run);

        assertThat(row.sessionKey()).isEqualTo("telegram:4242");
        assertThat(row.channel()).isEqualTo("telegram");
        assertThat(row.participant()).isEqualTo("4242");
    }
}

package io.kubeclaw.controllers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.schedule.ScheduleType;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.run.RunLabels;
import io.kubeclaw.testsupport.fixtures.ClawScheduleFixture;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduledRunBuilderTest {

    private static final Instant DUE = Instant.parse("2024-07-01T09:00:00Z");

    private static ClawSchedule schedule(ClawScheduleFixture fixture) {
        ClawSchedule schedule = fixture.inNamespace("team").build();
        schedule.getMetadata().setUid("schedule-uid");
        return schedule;
    }

    @Test
    void aRunOwnedByTheScheduleNamedForItsDueTime() {
        AgentRun run = ScheduledRunBuilder.desired(schedule(ClawScheduleFixture.schedule("standup").forInstance("assistant")
                .withTask("Post the stand-up summary.")), DUE);

        assertThat(run.getKind()).isEqualTo("AgentRun");
        assertThat(run.getMetadata().getName()).isEqualTo("standup-28663740");
        assertThat(run.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(run.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("ClawSchedule");
            assertThat(owner.getName()).isEqualTo("standup");
            assertThat(owner.getUid()).isEqualTo("schedule-uid");
            assertThat(owner.getController()).isTrue();
        });
        assertThat(run.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                OwnedMetadata.MANAGED_BY, OwnedMetadata.MANAGED_BY_KUBECLAW,
                ScheduledRunBuilder.SCHEDULE, "standup",
                RunLabels.INSTANCE, "assistant"));
        assertThat(run.getMetadata().getAnnotations()).containsExactlyEntriesOf(Map.of(ScheduledRunBuilder.SCHEDULED_AT, "2024-07-01T09:00:00Z"));
        assertThat(run.getSpec().getInstanceRef()).isEqualTo("assistant");
        assertThat(run.getSpec().getTask()).isEqualTo("Post the stand-up summary.");
        assertThat(run.getSpec().getIncludeMemory()).isTrue();
    }

    @Test
    void aHeartbeatWithoutATaskGetsTheHeartbeatTask() {
        AgentRun run = ScheduledRunBuilder.desired(schedule(ClawScheduleFixture.schedule("pulse").withType(ScheduleType.HEARTBEAT).withTask(null)), DUE);

        assertThat(run.getSpec().getTask()).isEqualTo(ScheduledRunBuilder.HEARTBEAT_TASK);
    }

    @Test
    void includeMemoryFalseIsPassedOn() {
        AgentRun run = ScheduledRunBuilder.desired(schedule(ClawScheduleFixture.schedule("sweep").includeMemory(false)), DUE);

        assertThat(run.getSpec().getIncludeMemory()).isFalse();
    }

    @Test
    void theNameIsTheSameForTheSameTimeAndDiffersForTheNext() {
        ClawSchedule schedule = schedule(ClawScheduleFixture.schedule("standup"));

        assertThat(ScheduledRunBuilder.runName(schedule, DUE)).isEqualTo(ScheduledRunBuilder.runName(schedule, DUE));
        assertThat(ScheduledRunBuilder.runName(schedule, DUE.plusSeconds(60))).isEqualTo("standup-28663741");
    }

    @Test
    void aLongScheduleNameIsShortenedButKeepsTheTime() {
        ClawSchedule schedule = schedule(ClawScheduleFixture.schedule("a".repeat(70)));

        AgentRun run = ScheduledRunBuilder.desired(schedule, DUE);

        assertThat(run.getMetadata().getName()).hasSizeLessThanOrEqualTo(63).endsWith("-28663740").matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(run.getMetadata().getLabels().get(ScheduledRunBuilder.SCHEDULE)).hasSizeLessThanOrEqualTo(63);
        assertThat(ScheduledRunBuilder.selector(schedule)).containsEntry(ScheduledRunBuilder.SCHEDULE, run.getMetadata().getLabels().get(ScheduledRunBuilder.SCHEDULE));
    }
}

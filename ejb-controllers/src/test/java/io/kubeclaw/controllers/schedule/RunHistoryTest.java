package io.kubeclaw.controllers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunStatus;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawScheduleFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunHistoryTest {

    private static AgentRun run(String name, AgentRunPhase phase, String completedAt) {
        AgentRun run = AgentRunFixture.run(name).inNamespace("team").build();
        run.getMetadata().setCreationTimestamp("2024-07-01T00:00:00Z");
        AgentRunStatus status = new AgentRunStatus();
        status.setPhase(phase);
        status.setCompletedAt(completedAt);
        run.setStatus(status);
        return run;
    }

    // Listed out of order on purpose: the apiserver promises no order either.
    private static final List<AgentRun> RUNS = List.of(
            run("s3", AgentRunPhase.SUCCEEDED, "2024-07-01T03:00:00Z"),
            run("s1", AgentRunPhase.SUCCEEDED, "2024-07-01T01:00:00Z"),
            run("f2", AgentRunPhase.FAILED, "2024-07-01T02:30:00Z"),
            run("s5", AgentRunPhase.SUCCEEDED, "2024-07-01T05:00:00Z"),
            run("f1", AgentRunPhase.FAILED, "2024-07-01T01:30:00Z"),
            run("s2", AgentRunPhase.SUCCEEDED, "2024-07-01T02:00:00Z"),
            run("s4", AgentRunPhase.SUCCEEDED, "2024-07-01T04:00:00Z"),
            run("r1", AgentRunPhase.RUNNING, null),
            run("p1", AgentRunPhase.PENDING, null));

    private static ClawSchedule schedule(Integer successful, Integer failed) {
        return ClawScheduleFixture.schedule("report").inNamespace("team").withHistoryLimits(successful, failed).build();
    }

    @Test
    void keepsThreeSucceededAndOneFailedByDefaultDeletingOldestFirst() {
        assertThat(RunHistory.toDelete(schedule(null, null), RUNS)).containsExactly("s1", "f1", "s2");
    }

    @Test
    void limitsOfZeroDeleteEveryFinishedRunButNeverAnActiveOne() {
        assertThat(RunHistory.toDelete(schedule(0, 0), RUNS)).containsExactly("s1", "f1", "s2", "f2", "s3", "s4", "s5");
    }

    @Test
    void withinTheLimitsNothingIsDeleted() {
        assertThat(RunHistory.toDelete(schedule(10, 5), RUNS)).isEmpty();
    }

    @Test
    void aRunWithoutACompletionTimeIsAgedByItsCreation() {
        AgentRun failedEarly = run("f0", AgentRunPhase.FAILED, null);

        assertThat(RunHistory.toDelete(schedule(3, 1), List.of(failedEarly, run("f3", AgentRunPhase.FAILED, "2024-07-01T06:00:00Z"))))
                .containsExactly("f0");
    }
}

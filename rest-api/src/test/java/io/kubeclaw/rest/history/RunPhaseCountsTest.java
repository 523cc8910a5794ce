package io.kubeclaw.rest.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunStatus;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPhaseCountsTest {

    @Test
    void countsEveryPhaseInOnePassAndARunWithoutStatusAsPending() {
        List<AgentRun> runs = List.of(run("a", AgentRunPhase.RUNNING), run("b", AgentRunPhase.RUNNING), run("c", AgentRunPhase.SUCCEEDED),
                run("d", null), AgentRunFixture.run("e").forInstance("sre").build());

        assertThat(HistoryDatabase.countByPhase(runs)).isEqualTo(Map.of(AgentRunPhase.RUNNING, 2L, AgentRunPhase.SUCCEEDED, 1L,
                AgentRunPhase.PENDING, 2L));
        assertThat(HistoryDatabase.countByPhase(List.of())).isEmpty();
    }

    private static AgentRun run(String name, AgentRunPhase phase) {
        AgentRun run = AgentRunFixture.run(name).forInstance("sre").build();
        AgentRunStatus status = new AgentRunStatus();
        status.setPhase(phase);
        run.setStatus(status);
        return run;
    }
}

package io.kubeclaw.controllers.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunStatus;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import org.junit.jupiter.api.Test;

class StatusMemoTest {

    private final StatusMemo<AgentRunStatus, AgentRun> memo = new StatusMemo<>(AgentRunStatus.class, AgentRunStatus::new, AgentRun::new);

    @Test
    void aReconcileOnTheVersionOurWriteWasComputedFromBuildsOnThatWrite() {
        AgentRun cached = version(AgentRunFixture.run("r").inNamespace("ns").build(), "7");
        AgentRunStatus written = statusWithPhase(AgentRunPhase.SUCCEEDED);

        assertThat(memo.patchIfChanged(cached, written).isPatchStatus()).isTrue();

        assertThat(memo.workingCopy(cached).getPhase()).isEqualTo(AgentRunPhase.SUCCEEDED);
    }

    @Test
    void aNewerCachedVersionIsAuthoritativeAgain() {
        AgentRun cached = version(AgentRunFixture.run("r").inNamespace("ns").build(), "7");
        memo.patchIfChanged(cached, statusWithPhase(AgentRunPhase.SUCCEEDED));

        AgentRun newer = version(AgentRunFixture.run("r").inNamespace("ns").build(), "9");
        newer.setStatus(statusWithPhase(AgentRunPhase.RUNNING));

        assertThat(memo.workingCopy(newer).getPhase()).isEqualTo(AgentRunPhase.RUNNING);
        // The memo is dropped once superseded: the old version no longer maps to the old write.
        assertThat(memo.workingCopy(cached).getPhase()).isNull();
    }

    @Test
    void anUnchangedStatusIsNotWrittenNorRemembered() {
        AgentRun cached = version(AgentRunFixture.run("r").inNamespace("ns").build(), "3");
        cached.setStatus(statusWithPhase(AgentRunPhase.RUNNING));

        assertThat(memo.patchIfChanged(cached, statusWithPhase(AgentRunPhase.RUNNING)).isNoUpdate()).isTrue();
        assertThat(memo.workingCopy(cached)).isNotSameAs(cached.getStatus()).extracting(AgentRunStatus::getPhase).isEqualTo(AgentRunPhase.RUNNING);
    }

    @Test
    void aGuardedPatchCarriesTheVersionItWasComputedFrom() {
        AgentRun cached = version(AgentRunFixture.run("r").inNamespace("ns").build(), "11");

        var update = memo.patchIfChangedSince(cached, statusWithPhase(AgentRunPhase.PENDING));

        assertThat(update.getResource()).get().extracting(run -> run.getMetadata().getResourceVersion()).isEqualTo("11");
        assertThat(memo.patchIfChanged(cached, statusWithPhase(AgentRunPhase.PENDING)).getResource())
                .get().extracting(run -> run.getMetadata().getResourceVersion()).isNull();
    }

    private static AgentRun version(AgentRun run, String resourceVersion) {
        run.getMetadata().setResourceVersion(resourceVersion);
        return run;
    }

    private static AgentRunStatus statusWithPhase(AgentRunPhase phase) {
        AgentRunStatus status = new AgentRunStatus();
        status.setPhase(phase);
        return status;
    }
}

package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunStatus;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeFramesTest {

    @Test
    void aRunsPhaseIsAFrameWhenItAppearsChangesOrTheRunIsDeleted() {
        AgentRun pending = run(AgentRunPhase.PENDING);
        AgentRun running = run(AgentRunPhase.RUNNING);

        assertThat(ChangeFrames.phase(Change.added(run(null))).orElseThrow().toJson())
                .isEqualTo("{\"type\":\"phase\",\"namespace\":\"team-a\",\"name\":\"diagnose\",\"data\":{}}");
        assertThat(ChangeFrames.phase(Change.modified(pending, running)).orElseThrow().toJson())
                .isEqualTo("{\"type\":\"phase\",\"namespace\":\"team-a\",\"name\":\"diagnose\",\"data\":{\"phase\":\"Running\",\"previous\":\"Pending\"}}");
        assertThat(ChangeFrames.phase(Change.deleted(running)).orElseThrow().data().toString()).isEqualTo("{\"phase\":\"Running\",\"deleted\":true}");
    }

    @Test
    void aChangeThatKeepsThePhaseIsNoPhaseFrame() {
        assertThat(ChangeFrames.phase(Change.modified(run(AgentRunPhase.RUNNING), run(AgentRunPhase.RUNNING)))).isEmpty();
        assertThat(ChangeFrames.phase(Change.modified(run(null), run(null)))).isEmpty();
    }

    @Test
    void aResourceChangeCarriesTheObjectAsKubectlShowsIt() {
        var instance = ClawInstanceFixture.instance("sre").build();
        instance.getMetadata().setNamespace("team-a");

        Frame frame = ChangeFrames.resource(ResourceKind.INSTANCES, Change.deleted(instance));

        assertThat(frame.type()).isEqualTo("resource");
        assertThat(frame.namespace() + "/" + frame.name()).isEqualTo("team-a/sre");
        assertThat(frame.data().get("kind").asText() + " " + frame.data().get("action").asText()).isEqualTo("instances deleted");
        assertThat(frame.data().at("/object/kind").asText()).isEqualTo("ClawInstance");
        assertThat(frame.data().at("/object/spec/provider/name").asText()).isEqualTo("openai");
    }

    @Test
    void whatExistsOnSubscribeIsOneFrameHoweverManyObjects() {
        AgentRun other = run(null);
        other.getMetadata().setName("queued");

        assertThat(ChangeFrames.phases("team-a", List.of(run(AgentRunPhase.SUCCEEDED), other)).toJson())
                .isEqualTo("{\"type\":\"phases\",\"namespace\":\"team-a\",\"data\":{\"phases\":{\"diagnose\":\"Succeeded\",\"queued\":null}}}");
        Frame resources = ChangeFrames.resources(ResourceKind.RUNS, "team-a", List.of(run(AgentRunPhase.RUNNING), other));
        assertThat(resources.type() + " " + resources.data().get("kind").asText()).isEqualTo("resources runs");
        assertThat(resources.data().get("items")).extracting(item -> item.at("/metadata/name").asText()).containsExactly("diagnose", "queued");
        assertThat(ChangeFrames.resources(ResourceKind.RUNS, "team-a", List.of()).data().toString()).isEqualTo("{\"kind\":\"runs\",\"items\":[]}");
    }

    private static AgentRun run(AgentRunPhase phase) {
        AgentRun run = AgentRunFixture.run("diagnose").forInstance("sre").build();
        run.getMetadata().setNamespace("team-a");
        if (phase != null) {
            AgentRunStatus status = new AgentRunStatus();
            status.setPhase(phase);
            run.setStatus(status);
        }
        return run;
    }
}

package io.kubeclaw.rest.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.rest.problem.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunRequestsTest {

    @Test
    void aMinimalRequestGetsAGeneratedNameAfterItsInstance() {
        AgentRun run = RunRequests.toAgentRun("team-a", new RunRequest("sre", "why is payments down?", null, null, null, null, null, null, null));

        assertThat(run.getMetadata().getNamespace()).isEqualTo("team-a");
        assertThat(run.getMetadata().getName()).isNull();
        assertThat(run.getMetadata().getGenerateName()).isEqualTo("sre-");
        assertThat(run.getSpec().getInstanceRef()).isEqualTo("sre");
        assertThat(run.getSpec().getTask()).isEqualTo("why is payments down?");
        assertThat(run.getSpec().getModel()).isNull();
    }

    @Test
    void everyOptionalFieldLandsInTheSpecOrMetadata() {
        AgentRun run = RunRequests.toAgentRun("team-a", new RunRequest("sre", "t", "diagnose-1", "gpt-4o-mini", "be brief", "5m",
                "slack:C1", null, Map.of("team", "payments")));

        assertThat(run.getMetadata().getName()).isEqualTo("diagnose-1");
        assertThat(run.getMetadata().getGenerateName()).isNull();
        assertThat(run.getMetadata().getLabels()).containsEntry("team", "payments");
        assertThat(run.getSpec().getModel()).isEqualTo("gpt-4o-mini");
        assertThat(run.getSpec().getSystemPrompt()).isEqualTo("be brief");
        assertThat(run.getSpec().getTimeout()).isEqualTo("5m");
        assertThat(run.getSpec().getSessionKey()).isEqualTo("slack:C1");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, do it, instance", "' ', do it, instance", "sre, null, task", "sre, '', task"})
    void aRequestWithoutInstanceOrTaskIs422NamingTheMissingField(String instance, String task, String missing) {
        assertThatThrownBy(() -> RunRequests.toAgentRun("team-a", new RunRequest(instance, task, null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().detail()).startsWith(missing + " is required");
                });
    }
}

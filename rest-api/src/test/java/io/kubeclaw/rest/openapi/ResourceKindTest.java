package io.kubeclaw.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceKindTest {

    @Test
    void eachEndpointServesItsKindUnderTheApplicationPath() {
        assertThat(ResourceKind.SERVED).extracting(kind -> kind.collectionPath() + " " + kind.name() + " " + kind.pageName()).containsExactly(
                "/api/namespaces/{namespace}/instances ClawInstance ResourcePageClawInstance",
                "/api/namespaces/{namespace}/runs AgentRun ResourcePageAgentRun",
                "/api/namespaces/{namespace}/policies ClawPolicy ResourcePageClawPolicy",
                "/api/namespaces/{namespace}/skills SkillPack ResourcePageSkillPack",
                "/api/namespaces/{namespace}/schedules ClawSchedule ResourcePageClawSchedule");
        assertThat(ResourceKind.SERVED.getFirst().itemPath()).isEqualTo("/api/namespaces/{namespace}/instances/{name}");
    }
}

package io.kubeclaw.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceKindTest {

    @Test
    void eachEndpointServesItsKindUnderTheApplicationPath() {
        assertThat(ResourceKind.SERVED).extracting(kind -> kind.collectionPath() + " " + kind.name() + " " + kind.pageName()).containsExactly(
                "/api/namespaces/{namespace}/instances ClawInstance ClawInstancePage",
                "/api/namespaces/{namespace}/runs AgentRun AgentRunPage",
                "/api/namespaces/{namespace}/policies ClawPolicy ClawPolicyPage",
                "/api/namespaces/{namespace}/skills SkillPack SkillPackPage",
                "/api/namespaces/{namespace}/schedules ClawSchedule ClawSchedulePage");
        assertThat(ResourceKind.SERVED.getFirst().itemPath()).isEqualTo("/api/namespaces/{namespace}/instances/{name}");
    }
}

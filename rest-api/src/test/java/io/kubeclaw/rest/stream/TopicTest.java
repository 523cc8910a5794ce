package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.rest.auth.Access;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void followingIsListAndWatchOnTheResourceInTheNamespace() {
        assertThat(Topic.runs("team-a").accessNeeded()).containsExactly(
                Access.kubeclaw("list", "agentruns", "team-a", null), Access.kubeclaw("watch", "agentruns", "team-a", null));
        assertThat(Topic.resources("team-a", ResourceKind.INSTANCES).accessNeeded()).containsExactly(
                Access.kubeclaw("list", "clawinstances", "team-a", null), Access.kubeclaw("watch", "clawinstances", "team-a", null));
        assertThat(Topic.resources("team-a", ResourceKind.SKILLS).accessNeeded().getFirst().resource()).isEqualTo("skillpacks");
    }

    @Test
    void aRunsLogNeedsWhatTheRestLogEndpointNeeds() {
        assertThat(Topic.logs("team-a", "r1").accessNeeded()).containsExactly(
                Access.kubeclaw("get", "agentruns", "team-a", "r1"), Access.core("get", "pods", "log", "team-a", null));
    }

    @Test
    void describesItselfAsTheClientNamedIt() {
        assertThat(Topic.runs("a").describe()).isEqualTo("runs in namespace \"a\"");
        assertThat(Topic.resources("a", ResourceKind.POLICIES).describe()).isEqualTo("resources of kind policies in namespace \"a\"");
        assertThat(Topic.logs("a", "r1").describe()).isEqualTo("logs of run \"r1\" in namespace \"a\"");
    }
}

package io.kubeclaw.controllers.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.controllers.events.EventBuilder.EventType;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventBuilderTest {

    @Test
    void buildsAWarningAboutTheInstanceItConcerns() {
        ClawInstance instance = ClawInstanceFixture.instance("alice").inNamespace("team-a").build();
        instance.getMetadata().setUid("uid-1");
        instance.getMetadata().setResourceVersion("42");

        Event event = EventBuilder.desired(instance, EventType.WARNING, "PolicyNotFound", "create it",
                "replica-a", Instant.parse("2026-11-24T12:00:00Z"), "abc");

        assertThat(Serialization.asYaml(event)).isEqualTo("""
                ---
                apiVersion: "v1"
                kind: "Event"
                metadata:
                  name: "alice.abc"
                  namespace: "team-a"
                count: 1
                firstTimestamp: "2026-11-24T12:00:00Z"
                involvedObject:
                  apiVersion: "kubeclaw.io/v1alpha1"
                  kind: "ClawInstance"
                  name: "alice"
                  namespace: "team-a"
                  resourceVersion: "42"
                  uid: "uid-1"
                lastTimestamp: "2026-11-24T12:00:00Z"
                message: "create it"
                reason: "PolicyNotFound"
                reportingComponent: "kubeclaw-controller"
                reportingInstance: "replica-a"
                source:
                  component: "kubeclaw-controller"
                type: "Warning"
                """);
    }
}

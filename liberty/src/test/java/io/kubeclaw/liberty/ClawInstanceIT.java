package io.kubeclaw.liberty;

import static io.kubeclaw.liberty.AgentRunIT.jsonpath;
import static io.kubeclaw.liberty.AgentRunIT.kubectl;
import static io.kubeclaw.liberty.AgentRunIT.readyNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubeclaw.api.v1alpha1.common.ChannelType;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ClawInstance memory and channels, and ClawPolicy bindings, in a real Liberty against the cluster flavour. */
class ClawInstanceIT {

    private static KubeControlPlane kube;

    @BeforeAll
    static void startServer() {
        kube = KubeControlPlane.cluster();
        AgentRunIT.startServer();
    }

    @Test
    void theMemoryConfigMapIsCreatedOnceAndNeverClobbered() {
        String ns = readyNamespace("memory");
        kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), ns).orThrow("instance");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(jsonpath(ns, "configmap", "sre-memory", "{.data.MEMORY\\.md}")).isEqualTo("# Memory of sre\n");
            assertThat(condition(ns, "sre", "MemoryReady")).isEqualTo("True MemoryReady");
        });

        kube.client().configMaps().inNamespace(ns).withName("sre-memory")
                .edit(map -> new ConfigMapBuilder(map).withData(Map.of("MEMORY.md", "# learned by hand\n")).build());
        kubectl().apply(ClawInstanceFixture.instance("sre").withSystemPrompt("Be brief.").toYaml(), ns).orThrow("update");
        await().atMost(Duration.ofMinutes(1)).until(() -> jsonpath(ns, "clawinstance", "sre", "{.status.observedGeneration}").equals("2"));
        assertThat(jsonpath(ns, "configmap", "sre-memory", "{.data.MEMORY\\.md}")).isEqualTo("# learned by hand\n");

        kubectl().run("delete", "configmap", "sre-memory", "-n", ns).orThrow("delete");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(jsonpath(ns, "configmap", "sre-memory", "{.data.MEMORY\\.md}")).isEqualTo("# Memory of sre\n"));
    }

    @Test
    void eachChannelGetsADeploymentThatFollowsTheSpecAndGoesWithTheInstance() {
        String ns = readyNamespace("channels");
        kubectl().apply(ClawInstanceFixture.instance("sre").withChannel(ChannelType.TELEGRAM, "telegram-bot")
                .withChannel(ChannelType.SLACK, "slack-bot").toYaml(), ns).orThrow("instance");

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(jsonpath(ns, "clawinstance", "sre", "{.status.channels[*].type}={.status.channels[*].status}"))
                    .isEqualTo("telegram slack=Connected Connected");
            assertThat(condition(ns, "sre", "ChannelsReady")).isEqualTo("True ChannelsReady");
            assertThat(jsonpath(ns, "clawinstance", "sre", "{.status.phase}")).isEqualTo("Ready");
        });
        assertThat(jsonpath(ns, "deployment", "sre-channel-telegram",
                "{.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].envFrom[0].secretRef.name} "
                        + "{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}"))
                .isEqualTo("kubeclaw/channel-telegram:0.1.0 telegram-bot ClawInstance/sre");

        kubectl().apply(ClawInstanceFixture.instance("sre").withChannel(ChannelType.TELEGRAM, "telegram-bot").toYaml(), ns).orThrow("update");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(kubectl().run("get", "deployments", "-n", ns, "-o", "name").stdout().strip()).isEqualTo("deployment.apps/sre-channel-telegram"));

        kubectl().run("delete", "clawinstance", "sre", "-n", ns).orThrow("delete");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(kubectl().run("get", "deployments,configmaps", "-n", ns, "-l", "app.kubernetes.io/managed-by=kubeclaw", "-o", "name")
                    .stdout()).isEmpty();
        });
    }

    @Test
    void aPolicyListsTheInstancesBoundToIt() {
        String ns = readyNamespace("bound");
        kubectl().apply(ClawPolicyFixture.policy("strict").toYaml(), ns).orThrow("policy");
        kubectl().apply(ClawInstanceFixture.instance("alpha").withPolicy("strict").toYaml(), ns).orThrow("alpha");
        kubectl().apply(ClawInstanceFixture.instance("beta").withPolicy("strict").toYaml(), ns).orThrow("beta");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(jsonpath(ns, "clawpolicy", "strict", "{.status.boundInstances} {.status.conditions[?(@.type==\"Accepted\")].status}"))
                        .isEqualTo("[\"alpha\",\"beta\"] True"));

        kubectl().apply(ClawInstanceFixture.instance("beta").toYaml(), ns).orThrow("beta without policy");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(jsonpath(ns, "clawpolicy", "strict", "{.status.boundInstances}")).isEqualTo("[\"alpha\"]"));

        kubectl().run("delete", "clawpolicy", "strict", "-n", ns).orThrow("delete policy");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(condition(ns, "alpha", "Accepted")).isEqualTo("False PolicyNotFound"));
    }

    private static String condition(String ns, String instance, String type) {
        return jsonpath(ns, "clawinstance", instance, "{.status.conditions[?(@.type==\"" + type + "\")].status} "
                + "{.status.conditions[?(@.type==\"" + type + "\")].reason}");
    }
}

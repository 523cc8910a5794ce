package io.kubeclaw.liberty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.fixtures.SkillPackFixture;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import io.kubeclaw.testsupport.kube.Kubectl;
import io.kubeclaw.testsupport.liberty.LibertyServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control plane in a real Liberty against a real apiserver: health, and the ClawInstance reconciler seen through kubectl. */
class LibertyControlPlaneIT {

    private static KubeControlPlane kube;
    private static LibertyServer server;

    @BeforeAll
    static void startServer() {
        kube = KubeControlPlane.cluster();
        server = ControlPlaneServers.shared();
    }

    @Test
    void readinessIsUpOnceTheInformersHaveSynced() {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            var ready = server.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"leader\":true");
        });
        assertThat(server.get("/health/started").statusCode()).isEqualTo(200);
        assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void anInstanceWithoutPolicyIsAcceptedWithItsGenerationAndAnEvent() {
        String ns = kube.newNamespace("accepted");
        kubectl().apply(ClawInstanceFixture.instance("alice").toYaml(), ns).orThrow("apply");

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(acceptedCondition(ns, "alice")).isEqualTo("True Accepted 1"));
        assertThat(kubectl().run("get", "clawinstance", "alice", "-n", ns).stdout()).contains("Ready");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kubectl().run("get", "events", "-n", ns, "--field-selector", "involvedObject.name=alice",
                        "-o", "jsonpath={.items[*].reason}").stdout().split(" ")).containsExactlyInAnyOrder("Accepted", "MemoryCreated"));
    }

    @Test
    void anUnknownPolicyIsReportedUntilThePolicyIsCreated() {
        String ns = kube.newNamespace("policyref");
        kubectl().apply(ClawInstanceFixture.instance("bob").withPolicy("strict").toYaml(), ns).orThrow("apply");

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(acceptedCondition(ns, "bob")).isEqualTo("False PolicyNotFound 1"));
        String message = kubectl().run("get", "clawinstance", "bob", "-n", ns,
                "-o", "jsonpath={.status.conditions[?(@.type==\"Accepted\")].message}").stdout();
        assertThat(message).isEqualTo("ClawPolicy \"strict\" not found in namespace \"" + ns
                + "\": create it there, or change or remove spec.policyRef");
        assertThat(kubectl().run("get", "events", "-n", ns, "--field-selector", "type=Warning",
                "-o", "jsonpath={.items[*].reason}").stdout()).isEqualTo("PolicyNotFound");

        kubectl().apply(ClawPolicyFixture.policy("strict").toYaml(), ns).orThrow("apply policy");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(acceptedCondition(ns, "bob")).isEqualTo("True Accepted 1"));
    }

    @Test
    void aSkillPackIsPublishedAsAConfigMapThatComesBackWhenDeleted() {
        String ns = kube.newNamespace("skills");
        kubectl().apply(SkillPackFixture.skillPack("ops").withSkill("kubectl", "# kubectl\n\nUse kubectl get.").toYaml(), ns).orThrow("apply");

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(kubectl().run("get", "skillpack", "ops", "-n", ns, "-o",
                "jsonpath={.status.phase} {.status.skillCount} {.status.configMapName}").stdout()).isEqualTo("Ready 2 ops-skills"));
        assertThat(kubectl().run("get", "configmap", "ops-skills", "-n", ns, "-o", "jsonpath={.data.kubectl\\.md}").stdout())
                .isEqualTo("# kubectl\n\nUse kubectl get.");

        kubectl().run("delete", "configmap", "ops-skills", "-n", ns).orThrow("delete");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(kubectl().run("get", "configmap", "ops-skills", "-n", ns, "-o", "name").stdout().strip()).isEqualTo("configmap/ops-skills"));
    }

    @Test
    void aSkillPackAskingForEverySecretIsRefusedWithTheRuleNamed() {
        String ns = kube.newNamespace("greedy");
        // The webhook would refuse this SkillPack at the door; this is the controller's own check behind it.
        ControlPlaneServers.withoutAdmission(ns);
        kubectl().apply(SkillPackFixture.skillPack("greedy").withSidecar("img:1")
                .withSidecarRbac(new PolicyRuleBuilder().withApiGroups("").withResources("secrets").withVerbs("*").build()).toYaml(), ns).orThrow("apply");

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(kubectl().run("get", "skillpack", "greedy", "-n", ns, "-o",
                "jsonpath={.status.phase} {.status.conditions[?(@.type==\"Ready\")].reason}").stdout()).isEqualTo("Failed RbacNotAllowed"));
        assertThat(kubectl().run("get", "skillpack", "greedy", "-n", ns, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].message}").stdout())
                .isEqualTo("spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"secrets\"], verbs: [\"*\"]} uses a wildcard that reaches Secrets: "
                        + "list the resources and verbs the skill needs");
        assertThat(kubectl().run("get", "configmap", "greedy-skills", "-n", ns).ok()).isFalse();
    }

    private static String acceptedCondition(String ns, String name) {
        return kubectl().run("get", "clawinstance", name, "-n", ns, "-o",
                "jsonpath={.status.conditions[?(@.type==\"Accepted\")].status} "
                        + "{.status.conditions[?(@.type==\"Accepted\")].reason} "
                        + "{.status.conditions[?(@.type==\"Accepted\")].observedGeneration}").stdout();
    }

    private static Kubectl kubectl() {
        return kube.kubectl();
    }
}

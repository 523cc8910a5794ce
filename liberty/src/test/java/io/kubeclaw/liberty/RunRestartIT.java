package io.kubeclaw.liberty;

import static io.kubeclaw.liberty.AgentRunIT.awaitPhase;
import static io.kubeclaw.liberty.AgentRunIT.jsonpath;
import static io.kubeclaw.liberty.AgentRunIT.readyNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A control plane that dies between creating a run's Job and recording it never creates a second Job. */
class RunRestartIT {

    private static KubeControlPlane kube;

    @BeforeAll
    static void cluster() {
        kube = KubeControlPlane.cluster();
        AgentRunIT.startServer();
    }

    @Test
    void aJobCreatedBeforeARestartIsAdoptedNotCreatedAgain() {
        ControlPlaneServers.stopShared();
        String ns = readyNamespace("adopt");
        kube.kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), ns).orThrow("instance");
        AgentRun run = kube.client().resource(AgentRunFixture.run("adopted").forInstance("sre").inNamespace(ns).build()).create();
        // What the previous incarnation created just before it died: the run's Job, status not yet written.
        Job before = kube.client().resource(jobOf(run)).create();

        ControlPlaneServers.shared();
        awaitPhase(ns, "adopted", "Running");
        assertThat(jsonpath(ns, "agentrun", "adopted", "{.status.jobName}")).isEqualTo("adopted-run");
        assertThat(kube.client().batch().v1().jobs().inNamespace(ns).list().getItems()).singleElement()
                .satisfies(job -> assertThat(job.getMetadata().getUid()).isEqualTo(before.getMetadata().getUid()));
    }

    @Test
    void killingTheServerDuringABurstLeavesExactlyOneJobPerRun() {
        ControlPlaneServers.shared();
        String ns = readyNamespace("burst");
        kube.kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), ns).orThrow("instance");
        List<String> runs = IntStream.range(0, 30).mapToObj(i -> "burst-" + i).toList();
        kube.kubectl().runWithInput(runs.stream().map(run -> AgentRunFixture.run(run).forInstance("sre").toYaml())
                .collect(Collectors.joining("---\n")), "apply", "-n", ns, "-f", "-").orThrow("runs");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> !kube.client().batch().v1().jobs().inNamespace(ns).list().getItems().isEmpty());
        ControlPlaneServers.killShared();
        // With the webhook's server dead, writes fail closed, saying which webhook could not be called.
        assertThat(kube.kubectl().apply(AgentRunFixture.run("while-down").forInstance("sre").toYaml(), ns).stderr())
                .contains("failed calling webhook \"defaults.kubeclaw.io\"").contains("connect: connection refused");
        assertThat(kube.client().resources(AgentRun.class).inNamespace(ns).withName("while-down").get()).isNull();

        ControlPlaneServers.shared();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(kube.kubectl().run("get", "agentrun", "-n", ns,
                "-o", "jsonpath={.items[*].status.phase}").stdout().split(" ")).hasSize(30).containsOnly("Running"));
        Map<String, Long> jobsPerRun = kube.client().batch().v1().jobs().inNamespace(ns).list().getItems().stream()
                .collect(Collectors.groupingBy(job -> job.getMetadata().getLabels().get(AgentRunIT.RUN_LABEL), Collectors.counting()));
        assertThat(jobsPerRun).hasSize(30).allSatisfy((run, count) -> assertThat(count).isEqualTo(1L));
    }

    /** The Job the controller names and labels for this run; its content does not matter for adoption. */
    private static Job jobOf(AgentRun run) {
        return new JobBuilder()
                .withNewMetadata()
                    .withName(run.getMetadata().getName() + "-run")
                    .withNamespace(run.getMetadata().getNamespace())
                    .addToLabels("app.kubernetes.io/managed-by", "kubeclaw")
                    .addToLabels("app.kubernetes.io/component", "agent-run")
                    .addToLabels(AgentRunIT.RUN_LABEL, run.getMetadata().getName())
                    .addToLabels("kubeclaw.io/instance", run.getSpec().getInstanceRef())
                    .addNewOwnerReference().withApiVersion(run.getApiVersion()).withKind(run.getKind()).withName(run.getMetadata().getName())
                        .withUid(run.getMetadata().getUid()).withController(true).endOwnerReference()
                .endMetadata()
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withNewTemplate()
                        .withNewMetadata()
                            .addToLabels("app.kubernetes.io/managed-by", "kubeclaw")
                            .addToLabels("app.kubernetes.io/component", "agent-run")
                            .addToLabels(AgentRunIT.RUN_LABEL, run.getMetadata().getName())
                        .endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .addNewContainer().withName("agent").withImage("kubeclaw/runner:0.1.0").endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }
}

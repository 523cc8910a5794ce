package io.kubeclaw.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.kubeclaw.testsupport.kube.FakeKubelet;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster flavour: controller-manager, scheduler and kwok give Jobs and Pods a real lifecycle. */
class ClusterFlavourIT {

    private static final String AGENT_COMPONENT = "app.kubernetes.io/component";

    private final KubeControlPlane kube = KubeControlPlane.cluster();

    @Test
    void aJobRunsToCompleteAndItsPodIsCollectedWithIt() {
        String ns = kube.newNamespace("cluster");
        // The serviceaccount controller must have made the namespace's default account before pods can be admitted.
        await().atMost(Duration.ofSeconds(30)).until(() -> kube.client().serviceAccounts().inNamespace(ns).withName("default").get() != null);

        kube.client().batch().v1().jobs().inNamespace(ns).resource(job("hello")).create();

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(kube.kubectl().run("get", "job", "hello", "-n", ns,
                        "-o", "jsonpath={.status.conditions[?(@.type==\"Complete\")].status}").stdout()).isEqualTo("True"));
        List<Pod> pods = podsOf(ns, "hello");
        assertThat(pods).hasSize(1);
        assertThat(pods.getFirst().getSpec().getNodeName()).isEqualTo(KubeControlPlane.FAKE_NODE);
        assertThat(pods.getFirst().getStatus().getPhase()).isEqualTo("Succeeded");

        // kubectl's default for jobs is background propagation: the garbage collector removes the pod.
        assertThat(kube.kubectl().run("delete", "job", "hello", "-n", ns, "--cascade=background").ok()).isTrue();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(podsOf(ns, "hello")).isEmpty());
    }

    @Test
    void anAgentPodRunsUntilItsKubeletEndsItAndItsLogIsReadThroughTheApiserver() {
        String ns = readyNamespace("agentpod");
        kube.client().batch().v1().jobs().inNamespace(ns).resource(job("agent", "busybox:1.36", Map.of(AGENT_COMPONENT, "agent-run"))).create();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(podsOf(ns, "agent")).singleElement().extracting(pod -> pod.getStatus().getPhase()).isEqualTo("Running"));
        String pod = podsOf(ns, "agent").getFirst().getMetadata().getName();

        new FakeKubelet(kube.client(), Path.of("target", "fake-kubelet")).exit(ns, pod, "main", "line one\nthe last line\n", 0);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(kube.kubectl().run("get", "job", "agent", "-n", ns,
                        "-o", "jsonpath={.status.conditions[?(@.type==\"Complete\")].status}").stdout()).isEqualTo("True"));
        assertThat(kube.kubectl().run("logs", pod, "-n", ns, "-c", "main").orThrow("kubectl logs").stdout())
                .isEqualTo("line one\nthe last line\n");
    }

    @Test
    void aPodWithTheUnpullableImageWaitsInImagePullBackOff() {
        String ns = readyNamespace("unpullable");
        Job job = job("pull", "busybox:1.36", Map.of());
        job.getSpec().getTemplate().getSpec().getInitContainers().add(new ContainerBuilder()
                .withName("side").withImage(FakeKubelet.UNPULLABLE_IMAGE).withRestartPolicy("Always").build());
        kube.client().batch().v1().jobs().inNamespace(ns).resource(job).create();

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(kube.kubectl().run("get", "pods", "-n", ns, "-l", "job-name=pull",
                "-o", "jsonpath={.items[0].status.phase} {.items[0].status.initContainerStatuses[0].state.waiting.reason}").stdout())
                .isEqualTo("Pending ImagePullBackOff"));
    }

    private String readyNamespace(String prefix) {
        String ns = kube.newNamespace(prefix);
        await().atMost(Duration.ofSeconds(30)).until(() -> kube.client().serviceAccounts().inNamespace(ns).withName("default").get() != null);
        return ns;
    }

    private List<Pod> podsOf(String ns, String job) {
        return kube.client().pods().inNamespace(ns).withLabel("job-name", job).list().getItems();
    }

    private static Job job(String name) {
        return job(name, "busybox:1.36", Map.of());
    }

    private static Job job(String name, String image, Map<String, String> podLabels) {
        return new JobBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withNewTemplate()
                        .withNewMetadata().withLabels(podLabels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .addNewContainer().withName("main").withImage(image).withCommand("true").endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }
}

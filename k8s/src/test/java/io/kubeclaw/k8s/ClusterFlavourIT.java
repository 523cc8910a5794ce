package io.kubeclaw.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster flavour: controller-manager, scheduler and kwok give Jobs and Pods a real lifecycle. */
class ClusterFlavourIT {

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

    private List<Pod> podsOf(String ns, String job) {
        return kube.client().pods().inNamespace(ns).withLabel("job-name", job).list().getItems();
    }

    private static Job job(String name) {
        return new JobBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withNewTemplate()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .addNewContainer().withName("main").withImage("busybox:1.36").withCommand("true").endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }
}

package io.kubeclaw.rest.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeclaw.api.objects.ObjectLabels;
import java.util.Comparator;
import java.util.Optional;

/** The pod an AgentRun's agent runs in, found by the run label: the newest one, since a retried Job makes another. */
public final class RunPods {

    /** The container the agent itself runs in, whose log is the run's log. */
    public static final String AGENT_CONTAINER = "agent";

    private RunPods() {
    }

    public static Optional<Pod> newest(KubernetesClient client, String namespace, String run) {
        return client.pods().inNamespace(namespace).withLabel(ObjectLabels.RUN, run).list().getItems().stream()
                .max(Comparator.comparing(pod -> pod.getMetadata().getCreationTimestamp()));
    }

    /** What a caller is told while the run has no pod. */
    public static String noPodYet(String run) {
        return "run \"" + run + "\" has no pod (yet): its log appears once the pod starts";
    }
}

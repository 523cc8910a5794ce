package io.kubeclaw.rest.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeclaw.api.objects.ControllerReferences;
import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.objects.RunPodLayout;
import io.kubeclaw.api.v1alpha1.AgentRun;
import java.util.Comparator;
import java.util.Optional;

/**
 * The pod an AgentRun's agent runs in: the newest pod of the Job the run controls (a retried Job makes another),
 * found through controller references, never by the run label alone, which a decoy pod could carry.
 */
public final class RunPods {

    /** The container the agent itself runs in, whose log is the run's log. */
    public static final String AGENT_CONTAINER = RunPodLayout.AGENT;

    private RunPods() {
    }

    /** Read with {@code client}, the caller's: they need get on the Job and list on the pods. */
    public static Optional<Pod> newest(KubernetesClient client, AgentRun run) {
        String namespace = run.getMetadata().getNamespace();
        String jobName = run.getStatus() == null ? null : run.getStatus().getJobName();
        if (jobName == null) {
            return Optional.empty();
        }
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
        if (!ControllerReferences.controlledBy(job, run.getMetadata().getUid())) {
            return Optional.empty();
        }
        return client.pods().inNamespace(namespace).withLabel(ObjectLabels.RUN, run.getMetadata().getName()).list().getItems().stream()
                .filter(pod -> ControllerReferences.controlledBy(pod, job.getMetadata().getUid()))
                .max(Comparator.comparing(pod -> pod.getMetadata().getCreationTimestamp()));
    }

    /** What a caller is told while the run has no pod. */
    public static String noPodYet(String run) {
        return "run \"" + run + "\" has no pod (yet): its log appears once the pod starts";
    }
}

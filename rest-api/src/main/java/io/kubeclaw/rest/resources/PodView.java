package io.kubeclaw.rest.resources;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclaw.api.objects.ObjectLabels;
import java.util.List;
import java.util.Map;

/** A KubeClaw pod as the console lists it. */
public record PodView(String name, String component, String instance, String run, String phase, int restarts, String node, String created) {

    static PodView of(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        List<ContainerStatus> containers = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        int restarts = containers.stream().mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
        return new PodView(pod.getMetadata().getName(), labels.get(ObjectLabels.COMPONENT), labels.get(ObjectLabels.INSTANCE),
                labels.get(ObjectLabels.RUN), pod.getStatus() == null ? null : pod.getStatus().getPhase(), restarts,
                pod.getSpec() == null ? null : pod.getSpec().getNodeName(), pod.getMetadata().getCreationTimestamp());
    }
}

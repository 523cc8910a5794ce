package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.kubeclaw.api.objects.RunPodLayout;
import io.kubeclaw.controllers.status.Reasons;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a run stands, read from its Job and pod: a pure function, so every way a pod can fail is a
 * table test. A container stuck on its image or its configuration ends the run at once rather than
 * waiting out the timeout; a brief ErrImagePull does not (the kubelet retries it).
 */
public record RunProgress(Stage stage, String reason, String message, String podName, String startedAt) {

    public enum Stage {
        /** The Job exists; its pod is not running yet. */
        STARTING,
        RUNNING,
        /** The agent exited 0; whether the run succeeded depends on its result. */
        EXITED,
        FAILED
    }

    static final String AGENT = RunPodLayout.AGENT;
    private static final Set<String> ENDED = Set.of("Succeeded", "Failed");
    private static final Set<String> STUCK = Set.of("ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError", "CreateContainerError");

    public static RunProgress of(Job job, Optional<Pod> pod, String timeout) {
        String podName = pod.map(p -> p.getMetadata().getName()).orElse(null);
        String startedAt = pod.map(p -> p.getStatus() == null ? null : p.getStatus().getStartTime()).orElse(null);
        Optional<JobCondition> failed = condition(job, "Failed");
        if (failed.isPresent()) {
            return new RunProgress(Stage.FAILED, failureReason(failed.get(), pod), failureMessage(failed.get(), pod, timeout), podName, startedAt);
        }
        if (condition(job, "Complete").isPresent()) {
            return new RunProgress(Stage.EXITED, Reasons.AGENT_EXITED, "the agent exited with code 0", podName, startedAt);
        }
        if (pod.isEmpty() || pod.get().getStatus() == null) {
            return new RunProgress(Stage.STARTING, Reasons.JOB_CREATED, "Job " + job.getMetadata().getName() + " created; waiting for its pod",
                    podName, null);
        }
        Optional<RunProgress> stuck = stuck(pod.get(), podName, startedAt);
        if (stuck.isPresent()) {
            return stuck.get();
        }
        String phase = pod.get().getStatus().getPhase();
        if ("Running".equals(phase)) {
            return new RunProgress(Stage.RUNNING, Reasons.POD_RUNNING, "the agent runs in pod " + podName, podName, startedAt);
        }
        if (ENDED.contains(phase)) {
            // The Job controller records the pod's end a moment later; until then the run is still Running, never back to Pending.
            return new RunProgress(Stage.RUNNING, Reasons.POD_RUNNING, "pod " + podName + " has ended (" + phase + "); waiting for Job "
                    + job.getMetadata().getName() + " to record it", podName, startedAt);
        }
        return new RunProgress(Stage.STARTING, Reasons.POD_STARTING, "pod " + podName + " is " + phase, podName, startedAt);
    }

    public boolean finished() {
        return stage == Stage.EXITED || stage == Stage.FAILED;
    }

    private static Optional<RunProgress> stuck(Pod pod, String podName, String startedAt) {
        for (ContainerStatus container : statuses(pod).toList()) {
            ContainerStateWaiting waiting = container.getState() == null ? null : container.getState().getWaiting();
            if (waiting == null) {
                continue;
            }
            String detail = "container " + container.getName() + " cannot start: " + waiting.getReason()
                    + (waiting.getMessage() == null ? "" : " (" + waiting.getMessage() + ")");
            if (STUCK.contains(waiting.getReason())) {
                String reason = waiting.getReason().contains("Image") ? Reasons.IMAGE_PULL_FAILED : Reasons.CONTAINER_CONFIG_ERROR;
                String hint = reason.equals(Reasons.IMAGE_PULL_FAILED) ? ": check the image name and the registry's pull secret"
                        : ": check the Secrets and ConfigMaps the container refers to";
                return Optional.of(new RunProgress(Stage.FAILED, reason, detail + hint, podName, startedAt));
            }
            if ("CrashLoopBackOff".equals(waiting.getReason())) {
                return Optional.of(new RunProgress(Stage.FAILED, Reasons.CRASH_LOOP,
                        detail + ": see kubectl logs " + podName + " -c " + container.getName(), podName, startedAt));
            }
        }
        return Optional.empty();
    }

    private static String failureReason(JobCondition failed, Optional<Pod> pod) {
        if ("DeadlineExceeded".equals(failed.getReason())) {
            return Reasons.TIMEOUT;
        }
        return agentTermination(pod).filter(t -> "OOMKilled".equals(t.getReason())).isPresent() ? Reasons.OUT_OF_MEMORY : Reasons.AGENT_CRASHED;
    }

    private static String failureMessage(JobCondition failed, Optional<Pod> pod, String timeout) {
        if ("DeadlineExceeded".equals(failed.getReason())) {
            return "the run did not finish within its timeout of " + timeout + " (spec.timeout, else the instance's agents.runTimeout) and was stopped";
        }
        Optional<ContainerStateTerminated> agent = agentTermination(pod);
        if (agent.isPresent()) {
            ContainerStateTerminated t = agent.get();
            return "the agent container exited with code " + t.getExitCode() + (t.getReason() == null ? "" : " (" + t.getReason() + ")")
                    + ": see kubectl logs " + pod.get().getMetadata().getName() + " -c " + AGENT;
        }
        return "the run's Job failed: " + failed.getReason() + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
    }

    private static Optional<ContainerStateTerminated> agentTermination(Optional<Pod> pod) {
        return pod.stream().flatMap(RunProgress::statuses)
                .filter(c -> AGENT.equals(c.getName()) && c.getState() != null && c.getState().getTerminated() != null)
                .map(c -> c.getState().getTerminated())
                .findFirst();
    }

    private static Stream<ContainerStatus> statuses(Pod pod) {
        if (pod.getStatus() == null) {
            return Stream.empty();
        }
        return Stream.concat(listOf(pod.getStatus().getInitContainerStatuses()), listOf(pod.getStatus().getContainerStatuses()));
    }

    private static <T> Stream<T> listOf(List<T> list) {
        return list == null ? Stream.empty() : list.stream();
    }

    private static Optional<JobCondition> condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }
}

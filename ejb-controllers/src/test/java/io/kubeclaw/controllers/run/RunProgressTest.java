package io.kubeclaw.controllers.run;

import static io.kubeclaw.controllers.run.RunProgress.Stage.EXITED;
import static io.kubeclaw.controllers.run.RunProgress.Stage.FAILED;
import static io.kubeclaw.controllers.run.RunProgress.Stage.RUNNING;
import static io.kubeclaw.controllers.run.RunProgress.Stage.STARTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.kubeclaw.controllers.status.Reasons;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RunProgressTest {

    private static final String JOB = "diagnose-run";
    private static final String POD = "diagnose-run-x7k2p";
    private static final String STARTED = "2025-06-02T09:00:00Z";
    private static final String TIMEOUT = "30m";

    private static final JobCondition COMPLETE = condition("Complete", "True", null, null);
    private static final JobCondition DEADLINE = condition("Failed", "True", "DeadlineExceeded", "Job was active longer than specified deadline");
    private static final JobCondition BACKOFF = condition("Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit");

    static Stream<Arguments> progress() {
        return Stream.of(
                Arguments.of("Job without a pod", job(), Optional.empty(),
                        new RunProgress(STARTING, Reasons.JOB_CREATED, "Job diagnose-run created; waiting for its pod", null, null)),
                Arguments.of("pod not yet reported on", job(), Optional.of(new PodBuilder().withNewMetadata().withName(POD).endMetadata().build()),
                        new RunProgress(STARTING, Reasons.JOB_CREATED, "Job diagnose-run created; waiting for its pod", POD, null)),
                Arguments.of("pod pending", job(), pod("Pending", List.of(), List.of(waiting("agent", "ContainerCreating", null))),
                        new RunProgress(STARTING, Reasons.POD_STARTING, "pod diagnose-run-x7k2p is Pending", POD, STARTED)),
                Arguments.of("pod running", job(), pod("Running", List.of(running("ipc-bridge")), List.of(running("agent"))),
                        new RunProgress(RUNNING, Reasons.POD_RUNNING, "the agent runs in pod diagnose-run-x7k2p", POD, STARTED)),
                Arguments.of("a Failed condition that is not True", job(condition("Failed", "False", null, null)),
                        pod("Running", List.of(), List.of(running("agent"))),
                        new RunProgress(RUNNING, Reasons.POD_RUNNING, "the agent runs in pod diagnose-run-x7k2p", POD, STARTED)),
                Arguments.of("pod ended before the Job records it", job(), pod("Succeeded", List.of(), List.of(terminated("agent", 0, "Completed"))),
                        new RunProgress(RUNNING, Reasons.POD_RUNNING, "pod diagnose-run-x7k2p has ended (Succeeded); waiting for Job diagnose-run to record it",
                                POD, STARTED)),
                Arguments.of("Job complete", job(COMPLETE), pod("Succeeded", List.of(terminated("ipc-bridge", 0, "Completed")),
                                List.of(terminated("agent", 0, "Completed"))),
                        new RunProgress(EXITED, Reasons.AGENT_EXITED, "the agent exited with code 0", POD, STARTED)),
                Arguments.of("deadline exceeded", job(DEADLINE), pod("Running", List.of(), List.of(running("agent"))),
                        new RunProgress(FAILED, Reasons.TIMEOUT, "the run did not finish within its timeout of 30m"
                                + " (spec.timeout, else the instance's agents.runTimeout) and was stopped", POD, STARTED)),
                Arguments.of("deadline exceeded while the image cannot be pulled", job(DEADLINE),
                        pod("Pending", List.of(), List.of(waiting("agent", "ImagePullBackOff", null))),
                        new RunProgress(FAILED, Reasons.TIMEOUT, "the run did not finish within its timeout of 30m"
                                + " (spec.timeout, else the instance's agents.runTimeout) and was stopped", POD, STARTED)),
                Arguments.of("agent exited 2", job(BACKOFF), pod("Failed", List.of(), List.of(terminated("agent", 2, "Error"))),
                        new RunProgress(FAILED, Reasons.AGENT_CRASHED,
                                "the agent container exited with code 2 (Error): see kubectl logs diagnose-run-x7k2p -c agent", POD, STARTED)),
                Arguments.of("agent exited 2 without a reason", job(BACKOFF), pod("Failed", List.of(), List.of(terminated("agent", 2, null))),
                        new RunProgress(FAILED, Reasons.AGENT_CRASHED,
                                "the agent container exited with code 2: see kubectl logs diagnose-run-x7k2p -c agent", POD, STARTED)),
                Arguments.of("agent OOMKilled", job(BACKOFF), pod("Failed", List.of(running("ipc-bridge")), List.of(terminated("agent", 137, "OOMKilled"))),
                        new RunProgress(FAILED, Reasons.OUT_OF_MEMORY,
                                "the agent container exited with code 137 (OOMKilled): see kubectl logs diagnose-run-x7k2p -c agent", POD, STARTED)),
                Arguments.of("OOMKilled sidecar is not the agent running out of memory", job(BACKOFF),
                        pod("Failed", List.of(terminated("skill-docs", 137, "OOMKilled")), List.of(terminated("agent", 1, "Error"))),
                        new RunProgress(FAILED, Reasons.AGENT_CRASHED,
                                "the agent container exited with code 1 (Error): see kubectl logs diagnose-run-x7k2p -c agent", POD, STARTED)),
                Arguments.of("Job failed without a pod", job(BACKOFF), Optional.empty(),
                        new RunProgress(FAILED, Reasons.AGENT_CRASHED,
                                "the run's Job failed: BackoffLimitExceeded: Job has reached the specified backoff limit", null, null)),
                Arguments.of("Job failed without a message, agent not terminated", job(condition("Failed", "True", "PodFailurePolicy", null)),
                        pod("Failed", List.of(), List.of(running("agent"))),
                        new RunProgress(FAILED, Reasons.AGENT_CRASHED, "the run's Job failed: PodFailurePolicy", POD, STARTED)),
                Arguments.of("native sidecar ImagePullBackOff", job(),
                        pod("Pending", List.of(waiting("ipc-bridge", "ImagePullBackOff", "Back-off pulling image \"kubeclaw/ipc-bridge:9\"")),
                                List.of(waiting("agent", "PodInitializing", null))),
                        new RunProgress(FAILED, Reasons.IMAGE_PULL_FAILED, "container ipc-bridge cannot start: ImagePullBackOff"
                                + " (Back-off pulling image \"kubeclaw/ipc-bridge:9\"): check the image name and the registry's pull secret", POD, STARTED)),
                Arguments.of("agent InvalidImageName", job(), pod("Pending", List.of(), List.of(waiting("agent", "InvalidImageName", null))),
                        new RunProgress(FAILED, Reasons.IMAGE_PULL_FAILED,
                                "container agent cannot start: InvalidImageName: check the image name and the registry's pull secret", POD, STARTED)),
                Arguments.of("ErrImagePull in a pending pod", job(),
                        pod("Pending", List.of(waiting("ipc-bridge", "ErrImagePull", "rpc error: pull access denied")),
                                List.of(waiting("agent", "PodInitializing", null))),
                        new RunProgress(STARTING, Reasons.POD_STARTING, "pod diagnose-run-x7k2p is Pending", POD, STARTED)),
                Arguments.of("ErrImagePull of a restarting sidecar in a running pod", job(),
                        pod("Running", List.of(waiting("skill-docs", "ErrImagePull", null)), List.of(running("agent"))),
                        new RunProgress(RUNNING, Reasons.POD_RUNNING, "the agent runs in pod diagnose-run-x7k2p", POD, STARTED)),
                Arguments.of("agent CreateContainerConfigError", job(),
                        pod("Pending", List.of(running("ipc-bridge")), List.of(waiting("agent", "CreateContainerConfigError", "secret \"llm\" not found"))),
                        new RunProgress(FAILED, Reasons.CONTAINER_CONFIG_ERROR, "container agent cannot start: CreateContainerConfigError"
                                + " (secret \"llm\" not found): check the Secrets and ConfigMaps the container refers to", POD, STARTED)),
                Arguments.of("agent CreateContainerError", job(), pod("Pending", List.of(), List.of(waiting("agent", "CreateContainerError", null))),
                        new RunProgress(FAILED, Reasons.CONTAINER_CONFIG_ERROR,
                                "container agent cannot start: CreateContainerError: check the Secrets and ConfigMaps the container refers to", POD, STARTED)),
                Arguments.of("sidecar CrashLoopBackOff", job(),
                        pod("Running", List.of(running("ipc-bridge"), waiting("skill-docs", "CrashLoopBackOff", "back-off 20s restarting failed container")),
                                List.of(running("agent"))),
                        new RunProgress(FAILED, Reasons.CRASH_LOOP, "container skill-docs cannot start: CrashLoopBackOff"
                                + " (back-off 20s restarting failed container): see kubectl logs diagnose-run-x7k2p -c skill-docs", POD, STARTED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("progress")
    void readsWhereTheRunStandsFromItsJobAndPod(String name, Job job, Optional<Pod> pod, RunProgress expected) {
        assertThat(RunProgress.of(job, pod, TIMEOUT)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"STARTING, false", "RUNNING, false", "EXITED, true", "FAILED, true"})
    void finishedOnceTheAgentExitedOrTheRunFailed(RunProgress.Stage stage, boolean finished) {
        assertThat(new RunProgress(stage, "Reason", "message", POD, STARTED).finished()).isEqualTo(finished);
    }

    private static Job job(JobCondition... conditions) {
        JobBuilder job = new JobBuilder().withNewMetadata().withName(JOB).withNamespace("team").endMetadata();
        if (conditions.length > 0) {
            job.withNewStatus().withConditions(conditions).endStatus();
        }
        return job.build();
    }

    private static JobCondition condition(String type, String status, String reason, String message) {
        return new JobConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
    }

    /** The run's pod; native sidecars report under init containers. */
    private static Optional<Pod> pod(String phase, List<ContainerStatus> initContainers, List<ContainerStatus> containers) {
        return Optional.of(new PodBuilder()
                .withNewMetadata().withName(POD).withNamespace("team").endMetadata()
                .withNewStatus()
                    .withPhase(phase)
                    .withStartTime(STARTED)
                    .withInitContainerStatuses(initContainers)
                    .withContainerStatuses(containers)
                .endStatus()
                .build());
    }

    private static ContainerStatus waiting(String container, String reason, String message) {
        return new ContainerStatusBuilder().withName(container)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().build();
    }

    private static ContainerStatus running(String container) {
        return new ContainerStatusBuilder().withName(container)
                .withNewState().withNewRunning().withStartedAt(STARTED).endRunning().endState().build();
    }

    private static ContainerStatus terminated(String container, int exitCode, String reason) {
        return new ContainerStatusBuilder().withName(container)
                .withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason).endTerminated().endState().build();
    }
}

package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Enforces an instance's {@code agents.maxConcurrentRuns}: a run starts only while fewer of the
 * instance's Jobs are unfinished than allowed, and waiting runs start in creation order. Decisions for
 * one instance are serialized, and count Jobs listed from the apiserver rather than the informer cache,
 * so two reconciles never both take the last slot.
 */
final class RunAdmission {

    /** Why a run waits, for its condition. */
    record Waiting(String message) {
    }

    private static final Comparator<AgentRun> CREATION_ORDER = Comparator
            .comparing((AgentRun run) -> run.getMetadata().getCreationTimestamp())
            .thenComparing(run -> run.getMetadata().getName());

    private final KubernetesClient client;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    RunAdmission(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Runs {@code start} if the run may start now, under the instance's lock (so the Job it creates is
     * counted by the next decision); otherwise returns why it waits.
     */
    Optional<Waiting> admit(AgentRun run, ClawInstance instance, Supplier<Stream<AgentRun>> unfinishedRunsOfInstance, Runnable start) {
        Integer limit = instance.getSpec().getAgents() == null ? null : instance.getSpec().getAgents().getMaxConcurrentRuns();
        if (limit == null) {
            start.run();
            return Optional.empty();
        }
        String key = run.getMetadata().getNamespace() + "/" + instance.getMetadata().getName();
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            List<Job> jobs = client.batch().v1().jobs().inNamespace(run.getMetadata().getNamespace())
                    .withLabel(RunLabels.INSTANCE, instance.getMetadata().getName()).list().getItems();
            Set<String> withJob = jobs.stream().map(job -> job.getMetadata().getName()).collect(Collectors.toSet());
            long active = jobs.stream().filter(job -> !finished(job)).count();
            List<AgentRun> queue = unfinishedRunsOfInstance.get()
                    .filter(other -> !withJob.contains(RunResourceNames.job(other.getMetadata().getName())))
                    .sorted(CREATION_ORDER)
                    .toList();
            int position = positionOf(run, queue);
            if (position < limit - active) {
                start.run();
                return Optional.empty();
            }
            return Optional.of(new Waiting("instance " + instance.getMetadata().getName() + " already runs " + active + " of its "
                    + limit + " allowed runs (spec.agents.maxConcurrentRuns); this run is number " + (position + 1)
                    + " in line and starts when a slot frees up"));
        }
    }

    private static int positionOf(AgentRun run, List<AgentRun> queue) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).getMetadata().getName().equals(run.getMetadata().getName())) {
                return i;
            }
        }
        return queue.size();
    }

    static boolean finished(Job job) {
        return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions().stream()
                .anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()));
    }
}

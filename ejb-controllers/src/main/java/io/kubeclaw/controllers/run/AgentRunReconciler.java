package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubeclaw.api.events.RunResult;
import io.kubeclaw.api.events.RunResultMarker;
import io.kubeclaw.api.objects.MemoryConfigMap;
import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.policy.PolicyBinding;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunStatus;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.controllers.bus.RunResultInbox;
import io.kubeclaw.controllers.events.EventRecorder;
import io.kubeclaw.controllers.memory.InstanceMemory;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.ownership.OwnedObjects;
import io.kubeclaw.controllers.status.ConditionAggregator;
import io.kubeclaw.controllers.status.ConditionTypes;
import io.kubeclaw.controllers.status.Reasons;
import io.kubeclaw.controllers.status.StatusMemo;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs an AgentRun as one Job with its own short-lived identity: resolve what the run refers to,
 * wait for a slot, grant, start the Job once, follow it, and on the end read the result, merge the
 * memory and revoke every grant. A finalizer makes sure the grants also go when the run is deleted.
 */
@ControllerConfiguration(name = AgentRunReconciler.NAME)
public class AgentRunReconciler implements Reconciler<AgentRun>, Cleaner<AgentRun> {

    private final StatusMemo<AgentRunStatus, AgentRun> statuses = new StatusMemo<>(AgentRunStatus.class, AgentRunStatus::new, AgentRun::new);

    public static final String NAME = "agentrun";
    private static final Logger LOG = Logger.getLogger(AgentRunReconciler.class.getName());
    /** Safety net for runs waiting for a slot, in case the Job event that frees it is missed. */
    private static final Duration WAITING_RECHECK = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 200;
    /** How long after its Job completed a run without any result waits for the result event before it fails. */
    static final Duration RESULT_GRACE = Duration.ofSeconds(10);
    private static final Duration RESULT_RECHECK = Duration.ofSeconds(2);
    private static final String RUN_SELECTOR = OwnedMetadata.MANAGED_BY + "=" + OwnedMetadata.MANAGED_BY_KUBECLAW + ","
            + RunLabels.COMPONENT + "=agent-run";

    private final KubernetesClient client;
    private final EventRecorder events;
    private final Clock clock;
    private final RunSettings settings;
    private final RunGrants grants;
    private final RunAdmission admission;
    private final InstanceMemory memory;
    private final RunResultInbox results;

    public AgentRunReconciler(KubernetesClient client, EventRecorder events, Clock clock, RunSettings settings, RunResultInbox results) {
        this.client = client;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.grants = new RunGrants(client);
        this.admission = new RunAdmission(client);
        this.memory = new InstanceMemory(client);
        this.results = results;
    }

    @Override
    public List<EventSource<?, AgentRun>> prepareEventSources(EventSourceContext<AgentRun> context) {
        var jobs = InformerEventSourceConfiguration.from(Job.class, AgentRun.class)
                .withLabelSelector(RUN_SELECTOR)
                .withSecondaryToPrimaryMapper(job -> runAndWaitingRuns(job, context))
                // Explicit, or JOSDK would invert the mapper above and hand waiting runs another run's Job.
                .withPrimaryToSecondaryMapper((AgentRun run) -> Set.of(new ResourceID(RunResourceNames.job(run.getMetadata().getName()),
                        run.getMetadata().getNamespace())))
                .build();
        var pods = InformerEventSourceConfiguration.from(Pod.class, AgentRun.class)
                .withLabelSelector(RUN_SELECTOR)
                .withSecondaryToPrimaryMapper(AgentRunReconciler::runOf)
                .build();
        var instances = InformerEventSourceConfiguration.from(ClawInstance.class, AgentRun.class)
                .withSecondaryToPrimaryMapper(instance -> waitingRuns(instance.getMetadata().getNamespace(), instance.getMetadata().getName(), context))
                .withPrimaryToSecondaryMapper((AgentRun run) -> Set.of(new ResourceID(run.getSpec().getInstanceRef(), run.getMetadata().getNamespace())))
                .build();
        // Read for resolution only: a policy or SkillPack changing later does not touch runs already resolved.
        var policies = InformerEventSourceConfiguration.from(ClawPolicy.class, AgentRun.class)
                .withSecondaryToPrimaryMapper(policy -> Set.of())
                .build();
        var skillPacks = InformerEventSourceConfiguration.from(SkillPack.class, AgentRun.class)
                .withSecondaryToPrimaryMapper(pack -> Set.of())
                .build();
        return List.of(new InformerEventSource<>(jobs, context), new InformerEventSource<>(pods, context),
                new InformerEventSource<>(instances, context), new InformerEventSource<>(policies, context),
                new InformerEventSource<>(skillPacks, context));
    }

    @Override
    public UpdateControl<AgentRun> reconcile(AgentRun run, Context<AgentRun> context) {
        AgentRunStatus status = statuses.workingCopy(run);
        ConditionAggregator conditions = new ConditionAggregator(status.getConditions(), run.getMetadata().getGeneration(), clock);
        if (status.getPhase() != null && status.getPhase().isFinished()) {
            return UpdateControl.noUpdate();
        }
        // Found by name, so only one this run controls is its Job: a decoy of the same name is not followed.
        Optional<Job> job = context.getSecondaryResource(Job.class).filter(found -> OwnedObjects.controlledBy(found, run.getMetadata().getUid()));
        boolean waiting = false;
        Optional<Duration> recheck = Optional.empty();
        if (job.isEmpty() && status.getJobName() == null) {
            waiting = start(run, context, status, conditions);
        } else if ((job.isEmpty() || RunAdmission.finished(job.get())) && finishedMeanwhile(run)) {
            // Our cached copy predates our own final status write (its events, such as the Job we
            // deleted or completed, are queued behind it): the run has ended; do not end it twice.
            return UpdateControl.noUpdate();
        } else if (job.isEmpty()) {
            ensureJobGone(run, status, conditions);
        } else {
            recheck = follow(run, job.get(), podOf(job.get(), context), status, conditions);
        }
        status.setConditions(conditions.conditions());
        status.setObservedGeneration(run.getMetadata().getGeneration());
        UpdateControl<AgentRun> update = statuses.patchIfChanged(run, status);
        return waiting ? update.rescheduleAfter(WAITING_RECHECK) : recheck.map(update::rescheduleAfter).orElse(update);
    }

    @Override
    public DeleteControl cleanup(AgentRun run, Context<AgentRun> context) {
        // Namespaced objects are owned by the run and collected by Kubernetes; cluster-scoped grants are not.
        if (grants.revoke(run) > 0) {
            events.normal(run, Reasons.RBAC_REVOKED, "revoked the permissions of deleted run " + run.getMetadata().getName());
        }
        return DeleteControl.defaultDelete();
    }

    /** Resolves and admits the run, then grants and creates its Job. Returns whether the run waits for a slot. */
    private boolean start(AgentRun run, Context<AgentRun> context, AgentRunStatus status, ConditionAggregator conditions) {
        String namespace = run.getMetadata().getNamespace();
        Map<String, String> labels = namespaceLabels(namespace);
        RunResolution resolution = RunResolution.of(run,
                name -> context.getSecondaryResource(ClawInstance.class).or(() -> live(ClawInstance.class, name, namespace)),
                instance -> PolicyBinding.of(namespace, labels, instance.getSpec().getPolicyRef(),
                        name -> live(ClawPolicy.class, name, KubeClaw.SYSTEM_NAMESPACE),
                        name -> cached(context, ClawPolicy.class, name, namespace).or(() -> live(ClawPolicy.class, name, namespace))),
                name -> cached(context, SkillPack.class, name, namespace).or(() -> live(SkillPack.class, name, namespace)),
                !ObjectLabels.ADMISSION_DISABLED.equals(labels.get(ObjectLabels.ADMISSION)),
                settings);
        if (resolution instanceof RunResolution.Refused refused) {
            finish(run, status, conditions, false, refused.reason(), refused.message());
            return false;
        }
        RunInputs inputs = ((RunResolution.Resolved) resolution).inputs();
        Optional<String> foreignMemory = foreignMemory(inputs);
        if (foreignMemory.isPresent()) {
            finish(run, status, conditions, false, Reasons.OBJECT_NOT_OWNED, foreignMemory.get());
            return false;
        }
        Job desired = AgentRunJobBuilder.desired(inputs);
        Optional<RunAdmission.Waiting> wait;
        try {
            wait = admission.admit(run, inputs.instance(),
                    () -> waitingOrNew(namespace, inputs.instance().getMetadata().getName(), context),
                    () -> {
                        grants.ensure(inputs);
                        createOnce(run, desired);
                    });
        } catch (OwnedObjects.NotOwned e) {
            finish(run, status, conditions, false, Reasons.OBJECT_NOT_OWNED, e.getMessage());
            return false;
        }
        status.setPhase(AgentRunPhase.PENDING);
        if (wait.isPresent()) {
            conditions.set(ConditionTypes.READY, false, Reasons.WAITING_FOR_SLOT, wait.get().message());
            if (conditions.statusChanged(ConditionTypes.READY)) {
                events.normal(run, Reasons.WAITING_FOR_SLOT, wait.get().message());
            }
            return true;
        }
        status.setJobName(desired.getMetadata().getName());
        String message = "created Job " + desired.getMetadata().getName();
        conditions.set(ConditionTypes.JOB_CREATED, true, Reasons.JOB_CREATED, message);
        conditions.set(ConditionTypes.READY, false, Reasons.JOB_CREATED, "waiting for the run's pod to start");
        events.normal(run, Reasons.JOB_CREATED, message);
        return false;
    }

    /**
     * Creates the Job unless a previous attempt (perhaps before a restart) already did: its name is the run's. A Job of
     * that name made for anything else is not adopted: its pod's result would be taken for the run's.
     */
    private void createOnce(AgentRun run, Job job) {
        OwnedObjects.create(client, job, run.getMetadata().getUid());
    }

    /** Only asked when the Job has ended or is gone, so it costs one read per run, not one per reconcile. */
    private boolean finishedMeanwhile(AgentRun run) {
        AgentRun live = client.resources(AgentRun.class).inNamespace(run.getMetadata().getNamespace()).withName(run.getMetadata().getName()).get();
        return live == null || live.getStatus() != null && live.getStatus().getPhase() != null && live.getStatus().getPhase().isFinished();
    }

    /** The status names a Job the cache does not hold: either the cache lags behind the create, or someone deleted it. */
    private void ensureJobGone(AgentRun run, AgentRunStatus status, ConditionAggregator conditions) {
        Job live = client.batch().v1().jobs().inNamespace(run.getMetadata().getNamespace()).withName(status.getJobName()).get();
        if (live != null) {
            follow(run, live, Optional.empty(), status, conditions);
            return;
        }
        finish(run, status, conditions, false, Reasons.JOB_DELETED, "the run's Job " + status.getJobName()
                + " was deleted before the run finished; a run's Job is created only once, so create a new AgentRun to retry");
    }

    /** Returns when to look again, if the run waits for something no watch event announces. */
    private Optional<Duration> follow(AgentRun run, Job job, Optional<Pod> pod, AgentRunStatus status, ConditionAggregator conditions) {
        RunProgress progress = RunProgress.of(job, pod, timeoutOf(run));
        status.setJobName(job.getMetadata().getName());
        if (progress.podName() != null) {
            status.setPodName(progress.podName());
        }
        if (progress.startedAt() != null && status.getStartedAt() == null) {
            status.setStartedAt(progress.startedAt());
        }
        conditions.set(ConditionTypes.JOB_CREATED, true, Reasons.JOB_CREATED, "created Job " + job.getMetadata().getName());
        switch (progress.stage()) {
            case STARTING -> {
                status.setPhase(AgentRunPhase.PENDING);
                conditions.set(ConditionTypes.READY, false, progress.reason(), progress.message());
            }
            case RUNNING -> {
                status.setPhase(AgentRunPhase.RUNNING);
                conditions.set(ConditionTypes.READY, true, progress.reason(), progress.message());
            }
            case EXITED -> {
                return finishWithResult(run, job, status, conditions);
            }
            case FAILED -> {
                if (!RunAdmission.finished(job)) {
                    // Stuck on an image or its configuration: stop the pod rather than let it wait out the timeout.
                    client.resource(job).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
                }
                finish(run, status, conditions, false, progress.reason(), progress.message());
            }
        }
        return Optional.empty();
    }

    /**
     * The agent exited 0: the run succeeded only if it reported a successful result, by its result event or, failing
     * that, by the marker line in its log. With neither, it waits {@link #RESULT_GRACE} for a late event.
     */
    private Optional<Duration> finishWithResult(AgentRun run, Job job, AgentRunStatus status, ConditionAggregator conditions) {
        Optional<RunResult> result = results.take(run.getMetadata().getNamespace(), run.getMetadata().getName(), run.getMetadata().getUid())
                .or(() -> status.getPodName() == null ? Optional.empty() : readResult(run, status.getPodName()));
        if (result.isEmpty() && completedWithin(job, RESULT_GRACE)) {
            return Optional.of(RESULT_RECHECK);
        }
        if (result.isEmpty()) {
            finish(run, status, conditions, false, Reasons.RESULT_MISSING, "the agent exited without reporting a result (no result "
                    + "event on the bus and no " + RunResultMarker.PREFIX.strip() + " line in the log of container agent of pod "
                    + status.getPodName() + "), so the run cannot count as succeeded");
            return Optional.empty();
        }
        RunResult outcome = result.get();
        status.setResult(outcome.result());
        status.setTokenUsage(outcome.tokenUsage());
        status.setToolCalls(outcome.toolCalls());
        if (outcome.memoryUpdate() != null && !outcome.memoryUpdate().isBlank()) {
            mergeMemory(run, outcome.memoryUpdate());
        }
        if (outcome.success()) {
            finish(run, status, conditions, true, Reasons.SUCCEEDED, "the agent finished its task");
        } else {
            finish(run, status, conditions, false, Reasons.AGENT_FAILED, "the agent reported a failure: " + outcome.error());
        }
        return Optional.empty();
    }

    private boolean completedWithin(Job job, Duration grace) {
        String completed = job.getStatus() == null ? null : job.getStatus().getCompletionTime();
        return completed != null && Instant.parse(completed).plus(grace).isAfter(clock.instant());
    }

    private Optional<RunResult> readResult(AgentRun run, String pod) {
        try {
            String log = client.pods().inNamespace(run.getMetadata().getNamespace()).withName(pod)
                    .inContainer(RunProgress.AGENT).tailingLines(LOG_TAIL_LINES).getLog();
            return log == null ? Optional.empty() : RunResultMarker.find(log);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void mergeMemory(AgentRun run, String update) {
        Optional<ClawInstance> instance = Optional.ofNullable(client.resources(ClawInstance.class)
                .inNamespace(run.getMetadata().getNamespace()).withName(run.getSpec().getInstanceRef()).get());
        if (instance.isEmpty() || !MemoryConfigMap.enabled(instance.get())) {
            return;
        }
        try {
            if (memory.append(instance.get(), run.getMetadata().getName(), update, clock.instant())) {
                events.normal(run, Reasons.MEMORY_UPDATED, "appended the run's memory update to ConfigMap "
                        + MemoryConfigMap.name(instance.get().getMetadata().getName()));
            }
        } catch (OwnedObjects.NotOwned e) {
            events.warning(run, Reasons.OBJECT_NOT_OWNED, "the run's memory update was not written: " + e.getMessage());
        }
    }

    /** Ends the run: revoke its grants first, so a crash before the status write repeats the revoke rather than skipping it. */
    private void finish(AgentRun run, AgentRunStatus status, ConditionAggregator conditions, boolean succeeded, String reason, String message) {
        if (grants.revoke(run) > 0) {
            events.normal(run, Reasons.RBAC_REVOKED, "revoked the run's ServiceAccount, RBAC grants and NetworkPolicy");
        }
        LOG.info(() -> "AgentRun " + run.getMetadata().getNamespace() + "/" + run.getMetadata().getName()
                + (succeeded ? " succeeded" : " failed: " + reason + ": " + message));
        status.setPhase(succeeded ? AgentRunPhase.SUCCEEDED : AgentRunPhase.FAILED);
        status.setCompletedAt(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        status.setError(succeeded ? null : message);
        conditions.set(ConditionTypes.READY, false, Reasons.FINISHED, "the run has finished");
        conditions.set(ConditionTypes.COMPLETED, succeeded, reason, message);
        if (succeeded) {
            events.normal(run, reason, message);
        } else {
            events.warning(run, reason, message);
        }
    }

    private static String timeoutOf(AgentRun run) {
        return Objects.requireNonNullElse(run.getSpec().getTimeout(), "the default");
    }

    /** The Job's newest pod, by the Job's controller reference: a pod labelled like the run's but not the Job's is a decoy. */
    private static Optional<Pod> podOf(Job job, Context<AgentRun> context) {
        InformerEventSource<Pod, AgentRun> pods = (InformerEventSource<Pod, AgentRun>) context.eventSourceRetriever().getEventSourceFor(Pod.class);
        return pods.list(job.getMetadata().getNamespace(), pod -> OwnedObjects.controlledBy(pod, job.getMetadata().getUid()))
                .max(Comparator.comparing(pod -> pod.getMetadata().getCreationTimestamp()));
    }

    /** Why the memory the run would read is not its instance's own ConfigMap, if it is not: it is not mounted then. */
    private Optional<String> foreignMemory(RunInputs inputs) {
        if (!inputs.memoryMounted()) {
            return Optional.empty();
        }
        ClawInstance instance = inputs.instance();
        ConfigMap found = client.configMaps().inNamespace(instance.getMetadata().getNamespace())
                .withName(MemoryConfigMap.name(instance.getMetadata().getName())).get();
        if (found == null || OwnedObjects.controlledBy(found, instance.getMetadata().getUid())) {
            return Optional.empty();
        }
        return Optional.of("ConfigMap \"" + found.getMetadata().getName() + "\" has the name of the instance's memory but was not made for it: "
                + "KubeClaw does not give it to an agent; delete or rename it, and the instance makes its own");
    }

    /** Where a cluster admin binds the namespace's ClawPolicy; read once when a run starts. */
    private Map<String, String> namespaceLabels(String namespace) {
        Namespace found = client.namespaces().withName(namespace).get();
        return found == null || found.getMetadata().getLabels() == null ? Map.of() : found.getMetadata().getLabels();
    }

    /**
     * Asks the apiserver before refusing a run for a missing reference: a run applied together with
     * its instance (kubectl apply -f dir/) can reach us before the informer has seen the instance.
     */
    private <T extends HasMetadata> Optional<T> live(Class<T> type, String name, String namespace) {
        return Optional.ofNullable(client.resources(type).inNamespace(namespace).withName(name).get());
    }

    private static <T extends HasMetadata> Optional<T> cached(Context<AgentRun> context, Class<T> type, String name, String namespace) {
        InformerEventSource<T, AgentRun> source = (InformerEventSource<T, AgentRun>) context.eventSourceRetriever().getEventSourceFor(type);
        return source.get(new ResourceID(name, namespace));
    }

    /** The instance's runs that have not finished and are not being deleted: those a slot may go to. */
    private static Stream<AgentRun> waitingOrNew(String namespace, String instance, Context<AgentRun> context) {
        return context.getPrimaryCache().list(namespace, run -> instance.equals(run.getSpec().getInstanceRef())
                && run.getMetadata().getDeletionTimestamp() == null
                && (run.getStatus() == null || run.getStatus().getPhase() == null || !run.getStatus().getPhase().isFinished()));
    }

    private static Set<ResourceID> runOf(HasMetadata object) {
        String run = object.getMetadata().getLabels() == null ? null : object.getMetadata().getLabels().get(RunLabels.RUN);
        return run == null ? Set.of() : Set.of(new ResourceID(run, object.getMetadata().getNamespace()));
    }

    /** A Job event concerns its run, and, since it may have freed a slot, the runs waiting on the same instance. */
    private static Set<ResourceID> runAndWaitingRuns(Job job, EventSourceContext<AgentRun> context) {
        String instance = job.getMetadata().getLabels() == null ? null : job.getMetadata().getLabels().get(RunLabels.INSTANCE);
        Set<ResourceID> ids = new HashSet<>(runOf(job));
        if (instance != null) {
            ids.addAll(waitingRuns(job.getMetadata().getNamespace(), instance, context));
        }
        return ids;
    }

    private static Set<ResourceID> waitingRuns(String namespace, String instance, EventSourceContext<AgentRun> context) {
        return context.getPrimaryCache().list(namespace, run -> instance.equals(run.getSpec().getInstanceRef()) && isWaiting(run))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    private static boolean isWaiting(AgentRun run) {
        return run.getStatus() != null && run.getStatus().getJobName() == null && run.getStatus().getConditions() != null
                && run.getStatus().getConditions().stream().anyMatch(c -> Reasons.WAITING_FOR_SLOT.equals(c.getReason()));
    }
}

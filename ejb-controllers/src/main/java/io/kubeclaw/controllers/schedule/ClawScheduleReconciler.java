package io.kubeclaw.controllers.schedule;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.ClawScheduleStatus;
import io.kubeclaw.controllers.events.EventRecorder;
import io.kubeclaw.controllers.status.ConditionAggregator;
import io.kubeclaw.controllers.status.ConditionTypes;
import io.kubeclaw.controllers.status.StatusMemo;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reconciles a ClawSchedule: decides (from the injected clock) whether a run is due, starts it under
 * the concurrency policy, prunes history, and requeues itself for the next due time. The decision is
 * a pure function ({@link ScheduleDecision}); this class only carries it out.
 */
@ControllerConfiguration(name = ClawScheduleReconciler.NAME)
public class ClawScheduleReconciler implements Reconciler<ClawSchedule> {

    private final StatusMemo<ClawScheduleStatus, ClawSchedule> statuses = new StatusMemo<>(ClawScheduleStatus.class, ClawScheduleStatus::new, ClawSchedule::new);

    public static final String NAME = "clawschedule";

    private final KubernetesClient client;
    private final EventRecorder events;
    private final Clock clock;
    private final Duration maxRecheck;

    /**
     * @param maxRecheck the longest the controller waits before looking again even when no run is due
     *     sooner; it bounds how late a clock jump (or an injected test clock) is noticed
     */
    public ClawScheduleReconciler(KubernetesClient client, EventRecorder events, Clock clock, Duration maxRecheck) {
        this.client = client;
        this.events = events;
        this.clock = clock;
        this.maxRecheck = maxRecheck;
    }

    @Override
    public List<EventSource<?, ClawSchedule>> prepareEventSources(EventSourceContext<ClawSchedule> context) {
        var runs = InformerEventSourceConfiguration.from(AgentRun.class, ClawSchedule.class)
                .withLabelSelector(ScheduledRunBuilder.SCHEDULE)
                .build();
        return List.of(new InformerEventSource<>(runs, context));
    }

    @Override
    public UpdateControl<ClawSchedule> reconcile(ClawSchedule schedule, Context<ClawSchedule> context) {
        Instant now = clock.instant();
        List<AgentRun> runs = List.copyOf(context.getSecondaryResources(AgentRun.class));
        ScheduleDecision decision = ScheduleDecision.decide(schedule, runs, now);
        ClawScheduleStatus status = statuses.workingCopy(schedule);
        ConditionAggregator conditions = new ConditionAggregator(status.getConditions(), schedule.getMetadata().getGeneration(), clock);

        List<String> removed = new ArrayList<>(decision.runsToDelete());
        switch (decision.action()) {
            case START -> {
                decision.runsToDelete().forEach(name -> deleteRun(schedule, name));
                Instant due = decision.dueTime().orElseThrow();
                if (createRun(ScheduledRunBuilder.desired(schedule, due))) {
                    events.normal(schedule, decision.reason(), decision.message());
                }
                recordStart(status, schedule, due);
            }
            case RECORD -> recordStart(status, schedule, decision.dueTime().orElseThrow());
            case SKIP -> {
                if (!Objects.equals(decision.message(), readyMessage(status))) {
                    events.warning(schedule, decision.reason(), decision.message());
                }
            }
            case WAIT, INVALID -> {
            }
        }
        for (String name : RunHistory.toDelete(schedule, runs)) {
            deleteRun(schedule, name);
            removed.add(name);
        }

        boolean healthy = decision.action() != ScheduleDecision.Action.INVALID;
        conditions.set(ConditionTypes.READY, healthy, decision.reason(), decision.message());
        status.setConditions(conditions.conditions());
        status.setObservedGeneration(schedule.getMetadata().getGeneration());
        status.setNextRunTime(decision.nextRunTime().map(Instant::toString).orElse(null));
        status.setActive(activeRuns(runs, removed, decision.action() == ScheduleDecision.Action.START ? status.getLastRunName() : null));
        // Guarded: totalRuns and lastRunName accumulate, and must not be computed from a stale copy.
        UpdateControl<ClawSchedule> update = statuses.patchIfChangedSince(schedule, status);
        if (!healthy) {
            return update;
        }
        Duration untilNext = decision.nextRunTime().map(next -> Duration.between(now, next)).orElse(maxRecheck);
        return update.rescheduleAfter(clamp(untilNext));
    }

    /** The schedule's unfinished runs after this reconcile: minus those it deleted, plus the one it started. */
    private static List<String> activeRuns(List<AgentRun> runs, List<String> removed, String started) {
        Set<String> active = new TreeSet<>();
        runs.stream()
                .filter(run -> !removed.contains(run.getMetadata().getName()))
                .filter(run -> run.getStatus() == null || run.getStatus().getPhase() == null || !run.getStatus().getPhase().isFinished())
                .forEach(run -> active.add(run.getMetadata().getName()));
        if (started != null) {
            active.add(started);
        }
        return List.copyOf(active);
    }

    private void recordStart(ClawScheduleStatus status, ClawSchedule schedule, Instant due) {
        String name = ScheduledRunBuilder.runName(schedule, due);
        if (!name.equals(status.getLastRunName())) {
            status.setTotalRuns((status.getTotalRuns() == null ? 0 : status.getTotalRuns()) + 1);
        }
        status.setLastRunTime(due.toString());
        status.setLastRunName(name);
    }

    /** Creates the run for a due time; false if it exists (its name is derived from the due time). */
    private boolean createRun(AgentRun run) {
        try {
            client.resource(run).create();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    private void deleteRun(ClawSchedule schedule, String name) {
        client.resources(AgentRun.class).inNamespace(schedule.getMetadata().getNamespace()).withName(name).delete();
    }

    private Duration clamp(Duration untilNext) {
        if (untilNext.isNegative() || untilNext.isZero()) {
            return Duration.ofSeconds(1);
        }
        return untilNext.compareTo(maxRecheck) > 0 ? maxRecheck : untilNext.plusMillis(50);
    }

    private static String readyMessage(ClawScheduleStatus status) {
        return status.getConditions() == null ? null : status.getConditions().stream()
                .filter(c -> ConditionTypes.READY.equals(c.getType())).map(Condition::getMessage).findFirst().orElse(null);
    }
}

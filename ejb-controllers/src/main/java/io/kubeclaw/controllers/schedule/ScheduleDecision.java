package io.kubeclaw.controllers.schedule;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.ClawScheduleSpec;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.api.v1alpha1.schedule.ConcurrencyPolicy;
import io.kubeclaw.controllers.status.Reasons;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one reconcile of a ClawSchedule does at {@code now}, decided as the CronJob controller decides: at most one
 * run starts, for the most recent due time, however many were missed while the operator was down.
 *
 * @param dueTime      the due time acted on (started, recorded or skipped)
 * @param runsToDelete active runs to delete before starting (concurrencyPolicy Replace)
 * @param nextRunTime  the next due time after now, to requeue at; empty when suspended or invalid
 * @param missedCount  due times before {@code dueTime} since the last started run that never ran, counted up to
 *                     {@link #MISSED_COUNT_LIMIT}
 * @param reason       PascalCase, for the Event or condition
 * @param message      for the Event or condition, written as if the action has been carried out
 */
public record ScheduleDecision(Action action, Optional<Instant> dueTime, List<String> runsToDelete, Optional<Instant> nextRunTime,
                               int missedCount, String reason, String message) {

    /** What the reconciler does. */
    public enum Action {
        /** Delete {@code runsToDelete}, create the run for {@code dueTime}, record it as the last run. */
        START,
        /** The run for {@code dueTime} exists (its status update was lost): record it as the last run, create nothing. */
        RECORD,
        /**
         * Start nothing for {@code dueTime} and leave the last run time alone, as the CronJob controller does: under
         * Forbid the time still starts once the active run finishes, if that is within startingDeadlineSeconds.
         */
        SKIP,
        /** Nothing is due; reconcile again at {@code nextRunTime}. */
        WAIT,
        /** The spec cannot be scheduled; report it in status until the user fixes it. */
        INVALID
    }

    /** The CronJob controller's own threshold for "too many missed start times". */
    public static final int MISSED_COUNT_LIMIT = 100;

    public ScheduleDecision {
        runsToDelete = List.copyOf(runsToDelete);
    }

    /**
     * Decides for {@code schedule} at {@code now}, given all of the schedule's own runs: active ones count for the
     * concurrency policy, and one already named for the due time means that time was started.
     */
    public static ScheduleDecision decide(ClawSchedule schedule, List<AgentRun> runs, Instant now) {
        ClawScheduleSpec spec = schedule.getSpec();
        Optional<ZoneId> zone = zone(spec.getTimeZone());
        if (zone.isEmpty()) {
            return invalid(Reasons.INVALID_TIME_ZONE, "timeZone \"" + spec.getTimeZone() + "\" is not an IANA time zone: use e.g. Europe/Berlin or UTC");
        }
        CronExpression cron;
        try {
            cron = CronExpression.parse(spec.getSchedule());
        } catch (IllegalArgumentException e) {
            return invalid(Reasons.INVALID_SCHEDULE, "schedule \"" + spec.getSchedule() + "\" is not valid: " + e.getMessage());
        }
        Optional<Instant> next = cron.next(now, zone.get()).map(ZonedDateTime::toInstant);
        if (next.isEmpty()) {
            return invalid(Reasons.INVALID_SCHEDULE, "schedule \"" + spec.getSchedule() + "\" never fires: the day of the month does not occur in the months given");
        }
        if (Boolean.TRUE.equals(spec.getSuspend())) {
            return new ScheduleDecision(Action.WAIT, Optional.empty(), List.of(), Optional.empty(), 0, Reasons.SUSPENDED,
                    "suspended: no runs start until spec.suspend is false");
        }

        Instant last = lastScheduled(schedule, now);
        Optional<Instant> latest = cron.latest(last, now, zone.get()).map(ZonedDateTime::toInstant);
        if (latest.isEmpty()) {
            return new ScheduleDecision(Action.WAIT, Optional.empty(), List.of(), next, 0, Reasons.SCHEDULED, "next run due at " + next.get());
        }
        Instant due = latest.get();
        int missed = (int) cron.firings(last, zone.get()).takeWhile(t -> t.toInstant().isBefore(due)).limit(MISSED_COUNT_LIMIT).count();
        Due decision = new Due(due, next, missed);

        String name = ScheduledRunBuilder.runName(schedule, due);
        if (runs.stream().anyMatch(run -> run.getMetadata().getName().equals(name))) {
            return decision.to(Action.RECORD, List.of(), Reasons.RUN_ALREADY_STARTED, "AgentRun \"" + name + "\" for " + due + " exists already");
        }
        Long deadline = spec.getStartingDeadlineSeconds();
        if (deadline != null && due.isBefore(now.minusSeconds(deadline))) {
            return decision.to(Action.SKIP, List.of(), Reasons.MISSED_SCHEDULE,
                    "missed the run due at " + due + " by more than startingDeadlineSeconds (" + deadline + ")");
        }
        List<String> active = runs.stream().filter(ScheduleDecision::isActive).map(run -> run.getMetadata().getName()).sorted().toList();
        ConcurrencyPolicy policy = Objects.requireNonNullElse(spec.getConcurrencyPolicy(), ConcurrencyPolicy.FORBID);
        if (policy == ConcurrencyPolicy.FORBID && !active.isEmpty()) {
            return decision.to(Action.SKIP, List.of(), Reasons.RUN_STILL_ACTIVE, "skipped the run due at " + due + ": concurrencyPolicy is Forbid and "
                    + agentRuns(active) + (active.size() == 1 ? " has" : " have") + " not finished");
        }
        List<String> replaced = policy == ConcurrencyPolicy.REPLACE ? active : List.of();
        return decision.to(Action.START, replaced, Reasons.RUN_STARTED, "started AgentRun \"" + name + "\" due at " + due
                + (replaced.isEmpty() ? "" : " in place of " + agentRuns(replaced) + " (concurrencyPolicy Replace)"));
    }

    /** A due time found; the outcomes for it differ only in action, deletions and wording. */
    private record Due(Instant time, Optional<Instant> next, int missed) {

        ScheduleDecision to(Action action, List<String> runsToDelete, String reason, String message) {
            return new ScheduleDecision(action, Optional.of(time), runsToDelete, next, missed, reason, message + missedNote());
        }

        private String missedNote() {
            return switch (missed) {
                case 0 -> "";
                case 1 -> "; 1 earlier run was missed";
                default -> "; " + (missed >= MISSED_COUNT_LIMIT ? MISSED_COUNT_LIMIT + " or more" : String.valueOf(missed)) + " earlier runs were missed";
            };
        }
    }

    private static ScheduleDecision invalid(String reason, String message) {
        return new ScheduleDecision(Action.INVALID, Optional.empty(), List.of(), Optional.empty(), 0, reason, message);
    }

    /** Names from the IANA database only: {@link ZoneId#of} would also take offsets such as "UTC+2". */
    private static Optional<ZoneId> zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return Optional.of(ZoneOffset.UTC);
        }
        return ZoneId.getAvailableZoneIds().contains(timeZone) ? Optional.of(ZoneId.of(timeZone)) : Optional.empty();
    }

    /** Where the CronJob controller starts looking too: the last due time started, else the schedule's creation. */
    private static Instant lastScheduled(ClawSchedule schedule, Instant now) {
        String lastRun = schedule.getStatus() == null ? null : schedule.getStatus().getLastRunTime();
        String since = lastRun != null ? lastRun : schedule.getMetadata().getCreationTimestamp();
        return since == null ? now : Instant.parse(since);
    }

    private static boolean isActive(AgentRun run) {
        AgentRunPhase phase = RunHistory.phase(run);
        return phase == null || !phase.isFinished();
    }

    private static String agentRuns(List<String> names) {
        return (names.size() == 1 ? "AgentRun " : "AgentRuns ") + names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
    }
}

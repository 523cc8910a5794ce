package io.kubeclaw.controllers.schedule;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.ClawScheduleSpec;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which finished runs of a ClawSchedule to delete: all but the newest {@code successfulRunsHistoryLimit}
 * succeeded and {@code failedRunsHistoryLimit} failed ones, as a CronJob keeps its Jobs.
 */
public final class RunHistory {

    static final int DEFAULT_SUCCESSFUL_LIMIT = 3;
    static final int DEFAULT_FAILED_LIMIT = 1;

    private static final Comparator<AgentRun> OLDEST_FIRST = Comparator.comparing(RunHistory::finishedAt)
            .thenComparing(run -> run.getMetadata().getName());

    private RunHistory() {
    }

    /** Names of the runs to delete, oldest first; runs that have not finished are never among them. */
    public static List<String> toDelete(ClawSchedule schedule, List<AgentRun> runs) {
        ClawScheduleSpec spec = schedule.getSpec();
        return Stream.concat(
                        beyondLimit(runs, AgentRunPhase.SUCCEEDED, Objects.requireNonNullElse(spec.getSuccessfulRunsHistoryLimit(), DEFAULT_SUCCESSFUL_LIMIT)),
                        beyondLimit(runs, AgentRunPhase.FAILED, Objects.requireNonNullElse(spec.getFailedRunsHistoryLimit(), DEFAULT_FAILED_LIMIT)))
                .sorted(OLDEST_FIRST)
                .map(run -> run.getMetadata().getName())
                .toList();
    }

    /** The run's phase, or null before the run controller has written one. */
    static AgentRunPhase phase(AgentRun run) {
        return run.getStatus() == null ? null : run.getStatus().getPhase();
    }

    private static Stream<AgentRun> beyondLimit(List<AgentRun> runs, AgentRunPhase phase, int keep) {
        return runs.stream().filter(run -> phase(run) == phase).sorted(OLDEST_FIRST.reversed()).skip(keep);
    }

    /** A run that failed before it started may have no completion time; its creation stands in. */
    private static Instant finishedAt(AgentRun run) {
        String completed = run.getStatus().getCompletedAt();
        String time = completed != null ? completed : run.getMetadata().getCreationTimestamp();
        return time == null ? Instant.EPOCH : Instant.parse(time);
    }
}

package io.kubeclaw.controllers.schedule;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunSpec;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.ClawScheduleSpec;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.ownership.OwnedNames;
import io.kubeclaw.controllers.run.RunLabels;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the AgentRun a ClawSchedule starts for one due time. The name comes from the due time, so a restarted
 * controller that tries the same time again meets the existing run instead of starting a second one.
 */
public final class ScheduledRunBuilder {

    public static final String SCHEDULE = "kubeclaw.io/schedule";
    public static final String SCHEDULED_AT = "kubeclaw.io/scheduled-at";
    /** The task of a heartbeat that names none. */
    public static final String HEARTBEAT_TASK = "Heartbeat: review your memory and pending work, act on anything due, and report briefly.";

    private ScheduledRunBuilder() {
    }

    /** The desired run for the time {@code due}, owned by {@code schedule}. */
    public static AgentRun desired(ClawSchedule schedule, Instant due) {
        ClawScheduleSpec spec = schedule.getSpec();
        Map<String, String> labels = new LinkedHashMap<>(selector(schedule));
        labels.put(RunLabels.INSTANCE, spec.getInstanceRef());
        ObjectMeta metadata = OwnedMetadata.controlledBy(schedule, runName(schedule, due), labels);
        metadata.setAnnotations(Map.of(SCHEDULED_AT, due.toString()));

        AgentRunSpec runSpec = new AgentRunSpec();
        runSpec.setInstanceRef(spec.getInstanceRef());
        // Only heartbeats may leave the task out (the schema says so).
        runSpec.setTask(spec.getTask() == null || spec.getTask().isBlank() ? HEARTBEAT_TASK : spec.getTask());
        runSpec.setIncludeMemory(!Boolean.FALSE.equals(spec.getIncludeMemory()));

        AgentRun run = new AgentRun();
        run.setMetadata(metadata);
        run.setSpec(runSpec);
        return run;
    }

    /** {@code <schedule>-<minutes since the epoch of due>}, within 63 characters. */
    public static String runName(ClawSchedule schedule, Instant due) {
        return OwnedNames.bounded(schedule.getMetadata().getName(), "-" + due.getEpochSecond() / 60);
    }

    /** The labels that select a schedule's runs; a schedule's name may pass the 63 characters a label value holds. */
    public static Map<String, String> selector(ClawSchedule schedule) {
        return Map.of(SCHEDULE, OwnedNames.bounded(schedule.getMetadata().getName(), ""));
    }
}

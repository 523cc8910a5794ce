package io.kubeclaw.api.events;

/**
 * A run asks the control plane to create a ClawSchedule for its instance; the runner never creates it itself.
 *
 * @param name     the ClawSchedule's name
 * @param schedule a cron expression
 * @param task     what each scheduled run should do
 * @param run      the run that asked
 */
public record ScheduleRequest(int version, String name, String schedule, String task, String run) {

    public static final int VERSION = 1;
}

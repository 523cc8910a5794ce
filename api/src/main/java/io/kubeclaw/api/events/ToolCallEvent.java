package io.kubeclaw.api.events;

/**
 * One tool call of a run, after it ended.
 *
 * @param callId         the model's id for the call
 * @param ok             whether the tool ran and succeeded (a refused or failed call is not ok)
 * @param summary        the start of the tool's answer, or why it was refused
 * @param durationMillis how long the call took
 */
public record ToolCallEvent(int version, String callId, String tool, boolean ok, String summary, long durationMillis) {

    public static final int VERSION = 1;
}

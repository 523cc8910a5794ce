package io.kubeclaw.api.ipc;

/**
 * What a skill sidecar answers to a {@link ToolRequest}.
 *
 * @param exitCode        the command's exit status; -1 when it did not run or was killed
 * @param timedOut        whether it was killed at its timeout
 * @param stdoutTruncated whether {@code stdout} is only the start of the output
 * @param error           why the command could not run at all, or null
 * @param executor        which sidecar ran it (its container name)
 */
public record ToolResult(int version, String id, int exitCode, String stdout, String stderr, boolean timedOut,
                         boolean stdoutTruncated, boolean stderrTruncated, String error, String executor) {

    public static final int VERSION = 1;
}

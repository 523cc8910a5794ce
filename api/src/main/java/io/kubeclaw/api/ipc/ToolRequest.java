package io.kubeclaw.api.ipc;

/**
 * A command the agent asks a skill sidecar to run ({@code execute_command}).
 *
 * @param workDir        where to run it; when null, the sidecar's /workspace if it mounts one, else its working directory
 * @param timeoutSeconds how long it may run before it is killed
 */
public record ToolRequest(int version, String id, String command, String workDir, int timeoutSeconds) {

    public static final int VERSION = 1;
}

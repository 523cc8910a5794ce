package io.kubeclaw.api.objects;

/**
 * The shape of a run's pod that more than one module relies on: its containers' names (the controllers build them,
 * the API reads the agent's log, the bridge names executors) and where volumes are mounted (the runner and the
 * sidecars default to the same paths). One home, so a rename cannot leave a copy behind.
 */
public final class RunPodLayout {

    /** The agent itself; its log is the run's log. */
    public static final String AGENT = "agent";
    public static final String IPC_BRIDGE = "ipc-bridge";
    public static final String SANDBOX = "sandbox";
    /** A skill pack's sidecar is this prefix and the pack's name. */
    public static final String SKILL_PREFIX = "skill-";

    public static final String IPC_PATH = "/ipc";
    public static final String WORKSPACE_PATH = "/workspace";
    public static final String TMP_PATH = "/tmp";
    /** Where a container that needs the API finds its ServiceAccount token, as client libraries expect it. */
    public static final String TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

    private RunPodLayout() {
    }
}

package io.kubeclaw.api.runner;

/** The environment variables the control plane sets on a run's containers and the runner and sidecars read. */
public final class RunnerEnv {

    public static final String RUN_NAME = "KUBECLAW_RUN_NAME";
    public static final String RUN_UID = "KUBECLAW_RUN_UID";
    public static final String NAMESPACE = "KUBECLAW_NAMESPACE";
    public static final String INSTANCE = "KUBECLAW_INSTANCE";
    public static final String PROVIDER = "KUBECLAW_PROVIDER";
    public static final String MODEL = "KUBECLAW_MODEL";
    public static final String BASE_URL = "KUBECLAW_BASE_URL";
    public static final String API_KEY = "KUBECLAW_API_KEY";
    /** Azure OpenAI's api-version query parameter. */
    public static final String API_VERSION = "KUBECLAW_API_VERSION";
    public static final String TASK = "KUBECLAW_TASK";
    public static final String SYSTEM_PROMPT = "KUBECLAW_SYSTEM_PROMPT";
    /** The run's wall-clock limit, e.g. 30m. */
    public static final String TIMEOUT = "KUBECLAW_TIMEOUT";
    /** How long one provider request may take, e.g. 120s. */
    public static final String PROVIDER_TIMEOUT = "KUBECLAW_PROVIDER_TIMEOUT";
    public static final String MAX_ITERATIONS = "KUBECLAW_MAX_ITERATIONS";
    public static final String TOKEN_BUDGET = "KUBECLAW_TOKEN_BUDGET";
    /** {@link ToolRules} as JSON. */
    public static final String TOOL_RULES = "KUBECLAW_TOOL_RULES";
    /** {@link EgressRules} as JSON. */
    public static final String EGRESS_RULES = "KUBECLAW_EGRESS_RULES";
    /** {@code <channel>:<chatId>} of the chat the run answers. */
    public static final String REPLY_TO = "KUBECLAW_REPLY_TO";
    public static final String MEMORY_ENABLED = "MEMORY_ENABLED";
    public static final String EVENT_BUS_URL = "EVENT_BUS_URL";
    /** Root of the pod's shared volumes, /ipc, /workspace, /skills and /memory by default; tests point it elsewhere. */
    public static final String IPC_DIR = "KUBECLAW_IPC_DIR";
    public static final String WORKSPACE_DIR = "KUBECLAW_WORKSPACE_DIR";
    public static final String SKILLS_DIR = "KUBECLAW_SKILLS_DIR";
    public static final String MEMORY_DIR = "KUBECLAW_MEMORY_DIR";
    /** The container name of a skill sidecar, to say who ran a command. */
    public static final String EXECUTOR_NAME = "KUBECLAW_EXECUTOR_NAME";
    /** Comma-separated container names of the skill sidecars that run commands; execute_command needs at least one. */
    public static final String EXECUTORS = "KUBECLAW_EXECUTORS";

    private RunnerEnv() {
    }
}

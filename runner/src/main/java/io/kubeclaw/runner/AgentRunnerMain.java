package io.kubeclaw.runner;

/** The agent container of a run: calls the LLM provider and runs the tool-calling loop. */
public final class AgentRunnerMain {

    /** Exit status for a component not yet available in this build (EX_UNAVAILABLE). */
    static final int UNAVAILABLE = 69;

    private AgentRunnerMain() {
    }

    public static void main(String[] args) {
        // Only the module's place in the build exists so far; say so plainly rather than pretend to work.
        System.err.println("kubeclaw-runner: the agent runner is not built yet (tracked by the runner/event-bus issue); no run was executed.");
        System.exit(UNAVAILABLE);
    }
}

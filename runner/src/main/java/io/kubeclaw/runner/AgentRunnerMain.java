package io.kubeclaw.runner;

import java.time.Clock;

/** The agent container of a run: calls the LLM provider and runs the tool-calling loop. */
public final class AgentRunnerMain {

    private AgentRunnerMain() {
    }

    public static void main(String[] args) {
        System.exit(new AgentRunner(System.getenv(), Clock.systemUTC(), System.out, System.err).run());
    }
}

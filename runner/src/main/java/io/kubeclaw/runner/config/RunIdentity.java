package io.kubeclaw.runner.config;

/** Which run this process is: the AgentRun's namespace and name, and its ClawInstance. */
public record RunIdentity(String namespace, String instance, String run) {
}

package io.kubeclaw.sidecars.bridge;

import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.api.runner.RunnerEnv;
import java.time.Duration;
import java.util.Map;

/**
 * The IPC bridge's configuration, from the environment the control plane sets.
 *
 * @param runUid the AgentRun's UID: part of every message ID, so a new run of the same name is never taken for a
 *               duplicate of the old one; the run's name when not set
 */
public record BridgeSettings(String natsUrl, String namespace, String instance, String run, String runUid, IpcLayout ipc,
                             Duration rescan, Duration retryLimit) {

    public static BridgeSettings fromEnvironment(Map<String, String> env) {
        String run = required(env, RunnerEnv.RUN_NAME);
        return new BridgeSettings(required(env, RunnerEnv.EVENT_BUS_URL), required(env, RunnerEnv.NAMESPACE),
                required(env, RunnerEnv.INSTANCE), run, env.getOrDefault(RunnerEnv.RUN_UID, run),
                IpcLayout.fromEnvironment(env),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: the control plane sets it on the ipc-bridge container");
        }
        return value;
    }
}

package io.kubeclaw.sidecars;

import io.kubeclaw.api.bus.BusConnections;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.api.objects.RunPodLayout;
import io.kubeclaw.api.runner.RunnerEnv;
import io.kubeclaw.sidecars.bridge.BridgeSettings;
import io.kubeclaw.sidecars.bridge.IpcBridge;
import io.kubeclaw.sidecars.executor.ToolExecutor;
import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The sidecars of a run's pod, one image with two roles: {@code bridge} (the IPC bridge to NATS JetStream) and
 * {@code executor} (the skill tool executor, inside each skill sidecar image).
 */
public final class SidecarMain {

    static final String USAGE = "usage: kubeclaw-sidecar bridge|executor (configured by environment variables; see docs/event-bus.md)";
    static final int USAGE_ERROR = 64;

    private SidecarMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        if (args.length != 1) {
            System.err.println(USAGE);
            return USAGE_ERROR;
        }
        try {
            return switch (args[0]) {
                case "bridge" -> bridge(env);
                case "executor" -> executor(env);
                default -> {
                    System.err.println("unknown role \"" + args[0] + "\"; " + USAGE);
                    yield USAGE_ERROR;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println("kubeclaw-sidecar: " + e.getMessage());
            return USAGE_ERROR;
        } catch (Exception e) {
            System.err.println("kubeclaw-sidecar " + args[0] + " failed: " + e);
            return 1;
        }
    }

    private static int bridge(Map<String, String> env) throws Exception {
        BridgeSettings settings = BridgeSettings.fromEnvironment(env);
        try (Connection nats = BusConnections.connect(settings.natsUrl(), "ipc-bridge " + settings.namespace() + "/" + settings.run())) {
            IpcBridge bridge = new IpcBridge(settings, nats);
            CountDownLatch finished = new CountDownLatch(1);
            // The kubelet stops a native sidecar with SIGTERM once the agent has exited: one last pass, then exit.
            // The hook waits for run() to return, not for the main thread, which may itself be the one exiting.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                bridge.stop();
                try {
                    finished.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }));
            try {
                return bridge.run();
            } finally {
                finished.countDown();
            }
        }
    }

    private static int executor(Map<String, String> env) throws Exception {
        IpcLayout ipc = IpcLayout.fromEnvironment(env);
        String name = env.getOrDefault(RunnerEnv.EXECUTOR_NAME, "skill-sidecar");
        Path workspace = Path.of(env.getOrDefault(RunnerEnv.WORKSPACE_DIR, RunPodLayout.WORKSPACE_PATH));
        return new ToolExecutor(ipc, name, workspace, Duration.ofSeconds(1)).run();
    }
}

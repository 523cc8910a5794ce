package io.kubeclaw.runner.pod;

import io.kubeclaw.api.runner.RunnerEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A run's pod without Kubernetes: a temp directory standing in for its volumes (/ipc, /workspace, /skills,
 * /memory) and the agent runner, the IPC bridge and a skill tool executor each started as its own JVM, as the
 * containers of the pod are.
 */
final class AgentPod implements AutoCloseable {

    static final String NAMESPACE = "team-a";
    static final String INSTANCE = "sre";
    static final String EXECUTOR = "skill-k8s-ops";

    final String run;
    final Path root;
    final Path ipc;
    final Path workspace;
    final Path skills;
    final Path memory;
    private final List<Process> started = new ArrayList<>();

    private AgentPod(String run, Path root) throws IOException {
        this.run = run;
        this.root = root;
        this.ipc = Files.createDirectories(root.resolve("ipc"));
        this.workspace = Files.createDirectories(root.resolve("workspace"));
        this.skills = Files.createDirectories(root.resolve("skills"));
        this.memory = Files.createDirectories(root.resolve("memory"));
    }

    static AgentPod create(String run) throws IOException {
        return new AgentPod(run, Files.createTempDirectory("kubeclaw-pod-" + run + "-"));
    }

    /** What every container of the pod gets from the control plane. */
    Map<String, String> commonEnv() {
        return Map.of(RunnerEnv.NAMESPACE, NAMESPACE, RunnerEnv.INSTANCE, INSTANCE, RunnerEnv.RUN_NAME, run,
                RunnerEnv.RUN_UID, "uid-" + run, RunnerEnv.IPC_DIR, ipc.toString());
    }

    Process startRunner(Map<String, String> env) throws IOException {
        return startRunner(env, List.of(), System.getProperty("java.class.path"));
    }

    /** The runner with extra JVM options (class-data sharing) and its own class path, as the benchmark starts it. */
    Process startRunner(Map<String, String> env, List<String> jvmOptions, String classPath) throws IOException {
        Map<String, String> all = new HashMap<>(commonEnv());
        all.put(RunnerEnv.WORKSPACE_DIR, workspace.toString());
        all.put(RunnerEnv.SKILLS_DIR, skills.toString());
        all.put(RunnerEnv.MEMORY_DIR, memory.toString());
        all.put(RunnerEnv.EXECUTORS, EXECUTOR);
        all.put(RunnerEnv.MEMORY_ENABLED, "true");
        all.putAll(env);
        return start("runner", "io.kubeclaw.runner.AgentRunnerMain", List.of(), all, jvmOptions, classPath);
    }

    Process startBridge(String natsUrl) throws IOException {
        Map<String, String> env = new HashMap<>(commonEnv());
        env.put(RunnerEnv.EVENT_BUS_URL, natsUrl);
        return start("bridge", "io.kubeclaw.sidecars.SidecarMain", List.of("bridge"), env, List.of(), System.getProperty("java.class.path"));
    }

    Process startExecutor() throws IOException {
        Map<String, String> env = new HashMap<>(commonEnv());
        env.put(RunnerEnv.EXECUTOR_NAME, EXECUTOR);
        env.put(RunnerEnv.WORKSPACE_DIR, workspace.toString());
        return start("executor", "io.kubeclaw.sidecars.SidecarMain", List.of("executor"), env, List.of(), System.getProperty("java.class.path"));
    }

    private Process start(String name, String mainClass, List<String> args, Map<String, String> env, List<String> jvmOptions,
                          String classPath) throws IOException {
        // Two cores run three JVMs per pod here: the client compiler and serial GC start fastest.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(args);
        int n = started.size();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(root.resolve(name + "-" + n + ".out").toFile())
                .redirectError(root.resolve(name + "-" + n + ".err").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits for {@code process} to exit and returns its status; fails, with the logs, when it does not in time. */
    int awaitExit(Process process, Duration limit) throws InterruptedException, IOException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process " + process.pid() + " did not exit within " + limit + "\n" + logs());
        }
        return process.exitValue();
    }

    /** Standard output of the n-th started process of that name (the runner's marker line is there). */
    String stdout(String name) throws IOException {
        try (var files = Files.list(root)) {
            return String.join("\n", files.filter(f -> f.getFileName().toString().startsWith(name + "-") && f.toString().endsWith(".out"))
                    .sorted().map(AgentPod::read).toList());
        }
    }

    /** For assertion descriptions, which cannot throw. */
    String logsUnchecked() {
        try {
            return logs();
        } catch (IOException e) {
            return "(logs unreadable: " + e.getMessage() + ")";
        }
    }

    String logs() throws IOException {
        try (var files = Files.list(root)) {
            return String.join("\n", files.filter(f -> f.toString().endsWith(".out") || f.toString().endsWith(".err")).sorted()
                    .map(f -> "--- " + f.getFileName() + "\n" + read(f)).toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}

package io.kubeclaw.sidecars.executor;

import io.kubeclaw.api.ipc.ToolRequest;
import io.kubeclaw.api.ipc.ToolResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs one {@link ToolRequest} with {@code sh -c}, its timeout, and stdout and stderr capped at 64 KiB each. */
final class CommandRunner {

    static final int OUTPUT_CAP = 64 * 1024;
    /**
     * With setsid the command leads a process group of its own, so everything it started, even children already
     * handed to init, can be killed with it. Images without setsid fall back to killing the process tree.
     */
    private static final boolean SETSID = Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));

    private final String executor;
    private final Path workspace;

    CommandRunner(String executor, Path workspace) {
        this.executor = executor;
        this.workspace = workspace;
    }

    ToolResult run(ToolRequest request) throws InterruptedException {
        if (request.command() == null || request.command().isBlank()) {
            return failed(request, "the request has no command");
        }
        if (request.timeoutSeconds() <= 0) {
            return failed(request, "timeoutSeconds must be positive, not " + request.timeoutSeconds());
        }
        File workDir = request.workDir() != null ? new File(request.workDir())
                : Files.isDirectory(workspace) ? workspace.toFile() : null;
        if (workDir != null && !Files.isDirectory(workDir.toPath())) {
            return failed(request, "the working directory " + request.workDir() + " does not exist in " + executor);
        }
        Process process;
        try {
            List<String> shell = List.of("sh", "-c", request.command());
            process = new ProcessBuilder(SETSID ? Stream.concat(Stream.of("setsid"), shell.stream()).toList() : shell)
                    .directory(workDir)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            return failed(request, "cannot start sh: " + e.getMessage());
        }
        CappedOutput stdout = new CappedOutput(OUTPUT_CAP);
        CappedOutput stderr = new CappedOutput(OUTPUT_CAP);
        Thread out = Thread.ofVirtual().start(() -> stdout.drain(process.getInputStream()));
        Thread err = Thread.ofVirtual().start(() -> stderr.drain(process.getErrorStream()));
        boolean finished = process.waitFor(request.timeoutSeconds(), TimeUnit.SECONDS);
        int exitCode = finished ? process.exitValue() : -1;
        // Also after a normal exit: a command's background children must not outlive it in the sidecar.
        killAll(process);
        out.join();
        err.join();
        return new ToolResult(ToolResult.VERSION, request.id(), exitCode, stdout.text(), stderr.text(),
                !finished, stdout.truncated(), stderr.truncated(), null, executor);
    }

    /** The command's process group (its pid, thanks to setsid), then whatever is left of its tree. */
    private static void killAll(Process process) throws InterruptedException {
        if (SETSID) {
            try {
                new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // No kill binary: the tree walk below still runs.
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        // Only while it lives: destroying a Process also closes its streams, which would cut off output still being read.
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    ToolResult failed(ToolRequest request, String error) {
        return failed(request.id(), error);
    }

    ToolResult failed(String id, String error) {
        return new ToolResult(ToolResult.VERSION, id, -1, "", "", false, false, false, error, executor);
    }
}

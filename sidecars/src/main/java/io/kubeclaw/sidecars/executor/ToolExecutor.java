package io.kubeclaw.sidecars.executor;

import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.ipc.AtomicFiles;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.api.ipc.ToolRequest;
import io.kubeclaw.api.ipc.ToolResult;
import io.kubeclaw.sidecars.watch.DirectoryWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The skill tool executor: takes command requests from {@code /ipc/tools}, runs them, answers in
 * {@code result-<id>.json}. A request is claimed by an atomic rename before it runs, so of several sidecars watching
 * the same directory exactly one runs each request. Exits once {@code /ipc/done} appears and nothing is left.
 */
public final class ToolExecutor {

    private static final Logger LOG = Logger.getLogger(ToolExecutor.class.getName());

    private final IpcLayout ipc;
    private final CommandRunner runner;
    private final Duration rescan;

    /** {@code workspace}: where commands run when the request names no directory, if the sidecar mounts it. */
    public ToolExecutor(IpcLayout ipc, String name, Path workspace, Duration rescan) {
        this.ipc = ipc;
        this.runner = new CommandRunner(name, workspace);
        this.rescan = rescan;
    }

    /** Serves requests until the run is done; returns the exit status. */
    public int run() throws IOException, InterruptedException {
        ipc.ensureDirectories();
        try (DirectoryWatch watch = new DirectoryWatch(ipc.tools(), rescan)) {
            while (true) {
                boolean done = Files.exists(ipc.done());
                List<Path> requests = pending();
                for (Path request : requests) {
                    serve(request);
                }
                if (done && requests.isEmpty()) {
                    return 0;
                }
                if (requests.isEmpty()) {
                    watch.awaitChange();
                }
            }
        }
    }

    private List<Path> pending() throws IOException {
        try (Stream<Path> files = Files.list(ipc.tools())) {
            return files.filter(file -> IpcLayout.parseToolRequest(file).isPresent()).sorted().toList();
        }
    }

    private void serve(Path request) throws IOException, InterruptedException {
        String id = IpcLayout.parseToolRequest(request).orElseThrow();
        Path claimed = ipc.toolClaimed(id);
        if (!AtomicFiles.claim(request, claimed)) {
            return;
        }
        ToolResult result = parse(claimed, id)
                .map(parsed -> parsed.id() != null && parsed.id().equals(id) ? parsed : null)
                .map(this::runLogged)
                .orElseGet(() -> runner.failed(id, "the request file is not a valid request with id " + id));
        AtomicFiles.write(ipc.toolResult(id), EventJson.write(result));
        Files.deleteIfExists(claimed);
    }

    private ToolResult runLogged(ToolRequest request) {
        try {
            LOG.info(() -> "running request " + request.id() + ": " + request.command());
            return runner.run(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return runner.failed(request, "the executor was stopped while the command ran");
        }
    }

    private static Optional<ToolRequest> parse(Path file, String id) {
        try {
            return EventJson.read(Files.readString(file), ToolRequest.class);
        } catch (IOException e) {
            LOG.warning("cannot read request " + id + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}

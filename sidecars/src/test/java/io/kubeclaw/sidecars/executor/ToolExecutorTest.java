package io.kubeclaw.sidecars.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.ipc.AtomicFiles;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.api.ipc.ToolRequest;
import io.kubeclaw.api.ipc.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolExecutorTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private IpcLayout ipc;
    private Path workspace;

    @BeforeEach
    void volumes() throws IOException {
        ipc = new IpcLayout(root.resolve("ipc")).ensureDirectories();
        workspace = Files.createDirectories(root.resolve("workspace"));
    }

    private ToolExecutor executor() {
        return new ToolExecutor(ipc, "test", workspace, Duration.ofMillis(100));
    }

    /** Written as the runner writes it, in one rename: the executor may look at any moment, also mid-write. */
    private void request(String id, String command) throws IOException {
        AtomicFiles.write(ipc.toolRequest(id), EventJson.write(new ToolRequest(ToolRequest.VERSION, id, command, null, 10)));
    }

    private ToolResult result(String id) throws IOException {
        return EventJson.readOrThrow(Files.readString(ipc.toolResult(id)), ToolResult.class);
    }

    private List<String> toolFiles() throws IOException {
        try (Stream<Path> files = Files.list(ipc.tools())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void pendingRequestsAreAnsweredBeforeTheExecutorExitsOnDone() throws IOException {
        request("first", "echo alpha");
        request("second", "echo beta >&2; exit 4");
        Files.createFile(ipc.done());

        int status = assertTimeoutPreemptively(LIMIT, () -> executor().run());

        assertThat(status).isZero();
        assertThat(result("first")).isEqualTo(new ToolResult(ToolResult.VERSION, "first", 0, "alpha\n", "", false, false, false,
                null, "test"));
        assertThat(result("second")).isEqualTo(new ToolResult(ToolResult.VERSION, "second", 4, "", "beta\n", false, false, false,
                null, "test"));
        assertThat(toolFiles()).containsExactly("result-first.json", "result-second.json");
    }

    @Test
    void commandsRunInTheWorkspace() throws IOException {
        request("where", "pwd");
        Files.createFile(ipc.done());

        assertTimeoutPreemptively(LIMIT, () -> executor().run());

        assertThat(result("where").stdout()).isEqualTo(workspace.toRealPath() + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"version\":1,\"id\":", "null", "[]"})
    void aMalformedRequestFileGetsAnErrorNamingItsId(String content) throws IOException {
        Files.writeString(ipc.toolRequest("broken-1"), content);
        Files.createFile(ipc.done());

        assertThat(assertTimeoutPreemptively(LIMIT, () -> executor().run())).isZero();

        ToolResult result = result("broken-1");
        assertThat(result.id()).isEqualTo("broken-1");
        assertThat(result.error()).contains("broken-1");
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(toolFiles()).containsExactly("result-broken-1.json");
    }

    @Test
    void aRequestWhoseIdDiffersFromItsFileNameIsNotRun() throws IOException {
        Path marker = workspace.resolve("ran");
        Files.writeString(ipc.toolRequest("file-id"),
                EventJson.write(new ToolRequest(ToolRequest.VERSION, "other-id", "touch " + marker, null, 10)));
        Files.createFile(ipc.done());

        assertTimeoutPreemptively(LIMIT, () -> executor().run());

        assertThat(result("file-id").error()).contains("file-id");
        assertThat(ipc.toolResult("other-id")).doesNotExist();
        assertThat(marker).doesNotExist();
    }

    @Test
    void filesThatAreNotRequestsAreLeftAlone() throws IOException {
        Files.writeString(ipc.tools().resolve(".tmp-request-a.json-123"), "partial");
        Files.writeString(ipc.tools().resolve("request-a_b.json"), "{}");
        Files.writeString(ipc.tools().resolve("result-old.json"), "{}");
        Files.createFile(ipc.done());

        assertThat(assertTimeoutPreemptively(LIMIT, () -> executor().run())).isZero();

        assertThat(toolFiles()).containsExactly(".tmp-request-a.json-123", "request-a_b.json", "result-old.json");
    }

    @Test
    void requestsArrivingWhileItWaitsAreServedUntilDone() throws Exception {
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
            try {
                return executor().run();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            request("late", "echo late");
            await().atMost(LIMIT).until(() -> Files.exists(ipc.toolResult("late")));
            assertThat(running).isNotDone();

            Files.createFile(ipc.done());

            assertThat(running.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            assertThat(result("late").stdout()).isEqualTo("late\n");
        } finally {
            // Let the executor end even when an assertion above failed.
            if (!Files.exists(ipc.done())) {
                Files.createFile(ipc.done());
            }
        }
    }

    @Test
    void theDirectoriesAreCreatedWhenMissing() throws IOException {
        IpcLayout fresh = new IpcLayout(root.resolve("fresh"));
        Files.createDirectories(fresh.root());
        Files.createFile(fresh.done());

        int status = assertTimeoutPreemptively(LIMIT, () -> new ToolExecutor(fresh, "test", workspace, Duration.ofMillis(100)).run());

        assertThat(status).isZero();
        assertThat(fresh.tools()).isDirectory();
    }
}

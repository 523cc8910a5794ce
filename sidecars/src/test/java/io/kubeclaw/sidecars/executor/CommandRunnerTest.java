package io.kubeclaw.sidecars.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.ipc.ToolRequest;
import io.kubeclaw.api.ipc.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandRunnerTest {

    @TempDir
    Path root;

    private Path workspace;
    private CommandRunner runner;

    @BeforeEach
    void workspace() throws IOException {
        workspace = Files.createDirectories(root.resolve("workspace"));
        runner = new CommandRunner("kubectl-sidecar", workspace);
    }

    private static ToolRequest request(String command, String workDir, int timeoutSeconds) {
        return new ToolRequest(ToolRequest.VERSION, "call-1", command, workDir, timeoutSeconds);
    }

    private ToolResult run(String command) throws InterruptedException {
        return runner.run(request(command, null, 10));
    }

    @Test
    void theExitCodeStdoutAndStderrAreCaptured() throws InterruptedException {
        ToolResult result = run("echo out; echo err >&2; exit 3");

        assertThat(result).isEqualTo(new ToolResult(ToolResult.VERSION, "call-1", 3, "out\n", "err\n", false, false, false,
                null, "kubectl-sidecar"));
    }

    @ParameterizedTest
    @CsvSource({
            "true,       0",
            "false,      1",
            "exit 42,    42",
            "exit 255,   255",
            "kill -9 $$, 137",
            "no-such-command-kubeclaw, 127",
    })
    void theCommandsExitStatusIsReported(String command, int exitCode) throws InterruptedException {
        ToolResult result = run(command);

        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.error()).isNull();
    }

    @Test
    void theCommandReadsNoInput() throws InterruptedException {
        // stdin is /dev/null: a command waiting for input ends at once instead of hanging until its timeout.
        ToolResult result = runner.run(request("cat; echo after", null, 5));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("after\n");
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void stdoutOver64KibIsTruncatedAndFlagged() throws InterruptedException {
        ToolResult result = run("head -c 100000 /dev/zero | tr '\\0' a");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).hasSize(CommandRunner.OUTPUT_CAP).isEqualTo("a".repeat(64 * 1024));
        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stderrTruncated()).isFalse();
    }

    @Test
    void stderrOver64KibIsTruncatedAndFlaggedOnItsOwn() throws InterruptedException {
        ToolResult result = run("echo fine; head -c 200000 /dev/zero | tr '\\0' e >&2");

        assertThat(result.stdout()).isEqualTo("fine\n");
        assertThat(result.stdoutTruncated()).isFalse();
        assertThat(result.stderr()).hasSize(CommandRunner.OUTPUT_CAP);
        assertThat(result.stderrTruncated()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 65535, 65536})
    void outputUpTo64KibIsKeptWhole(int bytes) throws InterruptedException {
        ToolResult result = run("head -c " + bytes + " /dev/zero | tr '\\0' a");

        assertThat(result.stdout()).hasSize(bytes);
        assertThat(result.stdoutTruncated()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sleep 30", "sleep 30 & sleep 30", "sleep 30 | sleep 30", "while true; do sleep 1; done"})
    void aCommandRunningPastItsTimeoutIsKilledWithItsChildren(String command) throws InterruptedException {
        long start = System.nanoTime();

        ToolResult result = runner.run(request("echo started; " + command, null, 1));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stdout()).isEqualTo("started\n");
        assertThat(result.error()).isNull();
    }

    @Test
    void aMissingWorkingDirectoryIsAnErrorNamingIt() throws InterruptedException {
        String missing = root.resolve("missing").toString();

        ToolResult result = runner.run(request("pwd", missing, 10));

        assertThat(result.error()).contains(missing, "does not exist", "kubectl-sidecar");
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aFileAsWorkingDirectoryIsAnError() throws IOException, InterruptedException {
        Path file = Files.writeString(workspace.resolve("file.txt"), "x");

        assertThat(runner.run(request("pwd", file.toString(), 10)).error()).contains(file.toString());
    }

    @Test
    void theCommandRunsInTheWorkspaceWhenTheRequestNamesNoDirectory() throws IOException, InterruptedException {
        assertThat(run("pwd").stdout()).isEqualTo(workspace.toRealPath() + "\n");
    }

    @Test
    void theCommandRunsInTheNamedDirectory() throws IOException, InterruptedException {
        Path sub = Files.createDirectories(workspace.resolve("charts"));

        assertThat(runner.run(request("pwd", sub.toString(), 10)).stdout()).isEqualTo(sub.toRealPath() + "\n");
    }

    @Test
    void withoutAWorkspaceTheCommandRunsInTheSidecarsOwnDirectory() throws IOException, InterruptedException {
        CommandRunner noWorkspace = new CommandRunner("kubectl-sidecar", root.resolve("not-mounted"));

        ToolResult result = noWorkspace.run(request("pwd", null, 10));

        assertThat(result.error()).isNull();
        assertThat(result.stdout()).isEqualTo(Path.of("").toAbsolutePath().toRealPath() + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aRequestWithoutACommandIsAnError(String command) throws InterruptedException {
        assertThat(run(command).error()).isEqualTo("the request has no command");
        assertThat(runner.run(request(null, null, 10)).error()).isEqualTo("the request has no command");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aRequestWithoutAPositiveTimeoutIsAnError(int timeoutSeconds) throws InterruptedException {
        ToolResult result = runner.run(request("true", null, timeoutSeconds));

        assertThat(result.error()).isEqualTo("timeoutSeconds must be positive, not " + timeoutSeconds);
        assertThat(result.exitCode()).isEqualTo(-1);
    }

    @Test
    void backgroundChildrenDoNotOutliveACommandThatExited() throws InterruptedException {
        // A duration no other test uses, to find exactly this child among the machine's processes.
        ToolResult result = runner.run(new ToolRequest(ToolRequest.VERSION, "bg", "sleep 47.25 & echo started", null, 30));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("started\n");
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("47.25")).orElse(false)))
                .as("the backgrounded sleep").isEmpty();
    }
}

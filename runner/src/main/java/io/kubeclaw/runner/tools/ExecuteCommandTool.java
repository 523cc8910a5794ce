package io.kubeclaw.runner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.ipc.AtomicFiles;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.api.ipc.ToolRequest;
import io.kubeclaw.api.ipc.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@code execute_command}: hands a shell command to a skill sidecar through {@code /ipc/tools} and waits for its
 * answer. The agent container has no kubectl and no API token; the sidecar has the skill's tools and its
 * short-lived, least-privilege grant.
 */
public final class ExecuteCommandTool implements AgentTool {

    static final int DEFAULT_TIMEOUT_SECONDS = 60;
    static final int MAX_TIMEOUT_SECONDS = 600;
    /** How long a request may wait unclaimed before the sidecars count as gone. */
    static final Duration CLAIM_LIMIT = Duration.ofSeconds(30);
    /** Beyond the command's own timeout: time for the sidecar to kill it and write its answer. */
    static final Duration ANSWER_GRACE = Duration.ofSeconds(10);

    private final IpcLayout ipc;
    private final List<String> executors;

    public ExecuteCommandTool(IpcLayout ipc, List<String> executors) {
        this.ipc = ipc;
        this.executors = executors;
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder().name("execute_command")
                .description("Run a shell command in the run's skill sidecar (" + String.join(", ", executors)
                        + "), which has the skill's tools such as kubectl. Returns the exit code, stdout and stderr (64 KiB each at most).")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("command", "The command line, run by sh -c.")
                        .addStringProperty("workDir", "Directory to run it in; /workspace when not given.")
                        .addIntegerProperty("timeoutSeconds", "Seconds before the command is killed, 1 to 600; 60 when not given.")
                        .required("command").build())
                .build();
    }

    @Override
    public ToolOutcome call(String callId, JsonNode arguments) throws IOException, InterruptedException {
        String command = ToolArguments.requiredText(arguments, "command");
        String workDir = ToolArguments.optionalText(arguments, "workDir");
        int timeout = ToolArguments.optionalInt(arguments, "timeoutSeconds", DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS);
        String id = UUID.randomUUID().toString();
        AtomicFiles.write(ipc.toolRequest(id), EventJson.write(new ToolRequest(ToolRequest.VERSION, id, command, workDir, timeout)));

        long claimDeadline = System.nanoTime() + CLAIM_LIMIT.toNanos();
        long answerDeadline = System.nanoTime() + Duration.ofSeconds(timeout).plus(ANSWER_GRACE).plus(CLAIM_LIMIT).toNanos();
        while (!Files.exists(ipc.toolResult(id))) {
            if (Files.exists(ipc.toolRequest(id)) && System.nanoTime() > claimDeadline
                    && AtomicFiles.claim(ipc.toolRequest(id), ipc.toolClaimed(id))) {
                // Taken back by us, so no sidecar can start it late.
                Files.deleteIfExists(ipc.toolClaimed(id));
                return ToolOutcome.failed("no skill sidecar picked up the command within " + CLAIM_LIMIT.toSeconds()
                        + " s; the sidecars " + executors + " are not running");
            }
            if (System.nanoTime() > answerDeadline) {
                return ToolOutcome.failed("the skill sidecar took the command but gave no answer within " + timeout + " s");
            }
            Thread.sleep(20);
        }
        ToolResult result = EventJson.readOrThrow(Files.readString(ipc.toolResult(id)), ToolResult.class);
        Files.deleteIfExists(ipc.toolResult(id));
        return new ToolOutcome(result.error() == null && !result.timedOut() && result.exitCode() == 0, render(result, timeout));
    }

    static String render(ToolResult result, int timeout) {
        if (result.error() != null) {
            return "the command could not run: " + result.error();
        }
        StringBuilder text = new StringBuilder(result.timedOut() ? "killed after " + timeout + " s (timeout)\n"
                : "exit code " + result.exitCode() + "\n");
        text.append("stdout:\n").append(result.stdout()).append(result.stdoutTruncated() ? "\n[stdout truncated at 64 KiB]" : "");
        if (result.stderr() != null && !result.stderr().isEmpty()) {
            text.append("\nstderr:\n").append(result.stderr()).append(result.stderrTruncated() ? "\n[stderr truncated at 64 KiB]" : "");
        }
        return text.toString();
    }
}

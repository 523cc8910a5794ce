package io.kubeclaw.runner.loop;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.kubeclaw.api.events.RunEvent;
import io.kubeclaw.api.events.RunResult;
import io.kubeclaw.api.events.ToolCallEvent;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.api.runner.RunnerEnv;
import io.kubeclaw.api.v1alpha1.run.TokenUsage;
import io.kubeclaw.runner.config.RunLimits;
import io.kubeclaw.runner.ipc.EventOutbox;
import io.kubeclaw.runner.prompt.MemoryBlock;
import io.kubeclaw.runner.tools.ToolBox;
import io.kubeclaw.runner.tools.ToolOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The native tool-calling loop: ask the model, run the tools it calls, hand back their answers, until it answers
 * without calling a tool. Bounded by model turns, wall clock and an optional token budget; every way out is a
 * {@link RunResult} with the reason.
 */
public final class AgentLoop {

    static final int SUMMARY_CHARS = 200;

    private final ChatModel model;
    private final ToolBox tools;
    private final RunLimits limits;
    private final EventOutbox outbox;
    private final Clock clock;
    private final Function<Throwable, String> describeProviderFailure;

    public AgentLoop(ChatModel model, ToolBox tools, RunLimits limits, EventOutbox outbox, Clock clock,
                     Function<Throwable, String> describeProviderFailure) {
        this.model = model;
        this.tools = tools;
        this.limits = limits;
        this.outbox = outbox;
        this.clock = clock;
        this.describeProviderFailure = describeProviderFailure;
    }

    public RunResult run(String systemPrompt, String task, Instant deadline) {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(systemPrompt), UserMessage.from(task)));
        long input = 0;
        long output = 0;
        int toolCalls = 0;
        for (int turn = 1; turn <= limits.maxIterations(); turn++) {
            if (clock.instant().isAfter(deadline)) {
                return RunResult.failed("the run exceeded its timeout of " + limits.timeout() + " after " + (turn - 1)
                        + " model turns", usage(input, output), toolCalls);
            }
            ChatResponse response;
            try {
                response = model.chat(ChatRequest.builder().messages(messages).toolSpecifications(tools.specifications()).build());
            } catch (RuntimeException e) {
                return RunResult.failed(describeProviderFailure.apply(e), usage(input, output), toolCalls);
            }
            if (response.tokenUsage() != null) {
                input += orZero(response.tokenUsage().inputTokenCount());
                output += orZero(response.tokenUsage().outputTokenCount());
            }
            if (limits.tokenBudget() != null && input + output > limits.tokenBudget()) {
                return RunResult.failed("the run used " + (input + output) + " tokens, over its budget of " + limits.tokenBudget()
                        + " (" + RunnerEnv.TOKEN_BUDGET + ")", usage(input, output), toolCalls);
            }
            AiMessage reply = response.aiMessage();
            messages.add(reply);
            outbox.write(IpcLayout.Topic.EVENT, RunEvent.of("model-turn", "model turn " + turn + ": "
                    + (reply.hasToolExecutionRequests() ? reply.toolExecutionRequests().size() + " tool calls" : "final answer"), clock.instant()));
            if (!reply.hasToolExecutionRequests()) {
                MemoryBlock answer = MemoryBlock.split(reply.text());
                return RunResult.succeeded(answer.answer(), usage(input, output), toolCalls, answer.memoryUpdate());
            }
            for (ToolExecutionRequest call : reply.toolExecutionRequests()) {
                toolCalls++;
                long started = System.nanoTime();
                ToolOutcome outcome = tools.call(call);
                outbox.write(IpcLayout.Topic.TOOL, new ToolCallEvent(ToolCallEvent.VERSION, call.id(), call.name(), outcome.ok(),
                        summary(outcome.text()), (System.nanoTime() - started) / 1_000_000));
                messages.add(ToolExecutionResultMessage.from(call, outcome.text()));
            }
        }
        return RunResult.failed("stopped after " + limits.maxIterations() + " model turns: the model was still calling tools ("
                + RunnerEnv.MAX_ITERATIONS + " sets the limit)", usage(input, output), toolCalls);
    }

    private static TokenUsage usage(long input, long output) {
        return new TokenUsage(input, output);
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }

    private static String summary(String text) {
        return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "…";
    }
}

package io.kubeclaw.runner;

import dev.langchain4j.model.chat.ChatModel;
import io.kubeclaw.api.events.InboundMessage;
import io.kubeclaw.api.events.RunEvent;
import io.kubeclaw.api.events.RunResult;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.runner.config.RunnerConfig;
import io.kubeclaw.runner.ipc.EventOutbox;
import io.kubeclaw.runner.ipc.InboundMessages;
import io.kubeclaw.runner.loop.AgentLoop;
import io.kubeclaw.runner.prompt.PromptAssembler;
import io.kubeclaw.runner.provider.ChatModels;
import io.kubeclaw.runner.provider.ProviderFailure;
import io.kubeclaw.runner.provider.RetryPolicy;
import io.kubeclaw.runner.tools.AddressGuard;
import io.kubeclaw.runner.tools.AgentTool;
import io.kubeclaw.runner.tools.ConfinedPaths;
import io.kubeclaw.runner.tools.ControlPlaneTools;
import io.kubeclaw.runner.tools.ExecuteCommandTool;
import io.kubeclaw.runner.tools.FetchUrlTool;
import io.kubeclaw.runner.tools.FileTools;
import io.kubeclaw.runner.tools.ToolBox;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run from start to end: read the configuration, assemble the prompt and the tools, run the loop, report the
 * result. Whatever happens — bad configuration, a provider error, the timeout — ends in exactly one reported
 * {@link RunResult} and exit status 0; status 1 means not even the result could be written.
 */
public final class AgentRunner {

    static final Duration FLUSH_LIMIT = Duration.ofSeconds(30);
    static final Duration APPROVAL_LIMIT = Duration.ofMinutes(10);
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> env;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public AgentRunner(Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        this.env = env;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public int run() {
        IpcLayout ipc = IpcLayout.fromEnvironment(env);
        EventOutbox outbox;
        try {
            outbox = new EventOutbox(ipc);
        } catch (Exception e) {
            err.println("kubeclaw-runner: cannot use " + ipc.root() + " to report: " + e.getMessage());
            return 1;
        }
        ResultReporter reporter = new ResultReporter(outbox, out, err, FLUSH_LIMIT);
        RunnerConfig config;
        try {
            config = RunnerConfig.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            return reporter.report(RunResult.failed("the run is misconfigured: " + e.getMessage(), null, 0));
        }
        Instant deadline = clock.instant().plus(config.limits().timeout());
        Watchdog.start(deadline, config.limits().timeout(), reporter);
        outbox.write(IpcLayout.Topic.EVENT, RunEvent.of("started", "run " + config.identity().run() + " started with "
                + config.provider().name().wireName() + " model " + config.provider().model(), clock.instant()));
        try {
            ToolBox tools = new ToolBox(tools(config, outbox), config.toolRules(), approver(config, outbox, deadline));
            String systemPrompt = PromptAssembler.systemPrompt(config.systemPrompt(), config.paths().skills(), config.paths().memory(),
                    config.memoryEnabled());
            ChatModel model = ChatModels.create(config.provider(), RetryPolicy.DEFAULT);
            AgentLoop loop = new AgentLoop(model, tools, config.limits(), outbox, clock,
                    failure -> ProviderFailure.describe(failure, config.provider()));
            return reporter.report(loop.run(systemPrompt, config.task(), deadline));
        } catch (Exception e) {
            return reporter.report(RunResult.failed("the runner failed: " + e, null, 0));
        }
    }

    private List<AgentTool> tools(RunnerConfig config, EventOutbox outbox) {
        List<AgentTool> tools = new ArrayList<>(FileTools.all(new ConfinedPaths(config.paths().workspace(),
                List.of(config.paths().skills(), config.paths().memory()))));
        tools.add(new FetchUrlTool(new AddressGuard(config.egress(), InetAddress::getAllByName), FETCH_TIMEOUT));
        if (!config.executors().isEmpty()) {
            tools.add(new ExecuteCommandTool(config.paths().ipcLayout(), config.executors()));
        }
        if (config.replyTo() != null) {
            tools.add(new ControlPlaneTools.SendChannelMessage(outbox, config.replyTo(), config.identity().run()));
        }
        tools.add(new ControlPlaneTools.ScheduleTask(outbox, config.identity().run()));
        return tools;
    }

    /** Publishes the request for approval and waits for the answer the bridge delivers to /ipc/inbound. */
    private ToolBox.Approver approver(RunnerConfig config, EventOutbox outbox, Instant deadline) {
        InboundMessages inbound = new InboundMessages(config.paths().ipcLayout());
        return (callId, tool, arguments) -> {
            outbox.write(IpcLayout.Topic.EVENT, RunEvent.of("approval-requested", "call " + callId + " of " + tool + " with "
                    + arguments + " waits for approval", clock.instant()));
            Duration left = Duration.between(clock.instant(), deadline);
            Duration limit = left.compareTo(APPROVAL_LIMIT) < 0 ? left : APPROVAL_LIMIT;
            Optional<InboundMessage> answer = inbound.awaitApproval(callId, limit.isNegative() ? Duration.ZERO : limit);
            return answer.map(a -> new ToolBox.ApprovalOutcome(Boolean.TRUE.equals(a.approved()),
                            "declined by " + a.from() + (a.text() == null ? "" : ": " + a.text())))
                    .orElseGet(() -> new ToolBox.ApprovalOutcome(false, "nobody approved it within " + limit.toSeconds() + " s"));
        };
    }
}

package io.kubeclaw.runner.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeclaw.api.bus.BusConnections;
import io.kubeclaw.api.bus.EventStreams;
import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.bus.EventSubjects.RunTopic;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.events.InboundMessage;
import io.kubeclaw.api.events.RunResult;
import io.kubeclaw.api.events.RunResultMarker;
import io.kubeclaw.api.events.ToolCallEvent;
import io.kubeclaw.api.runner.RunnerEnv;
import io.kubeclaw.api.runner.ToolRules;
import io.kubeclaw.testsupport.llm.FakeLlmServer;
import io.kubeclaw.testsupport.llm.RecordedRequest;
import io.kubeclaw.testsupport.llm.ToolCall;
import io.kubeclaw.testsupport.llm.Turn;
import io.kubeclaw.testsupport.nats.NatsServer;
import io.kubeclaw.testsupport.nats.StreamContents;
import io.kubeclaw.testsupport.nats.StreamContents.StoredMessage;
import io.nats.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run's pod as three real processes (runner, IPC bridge, tool executor) over temp directories, a real NATS
 * JetStream and the fake LLM: what reaches the bus, the files and the model.
 */
class AgentPodIT {

    static final Duration EXIT = Duration.ofSeconds(90);
    static final Duration IDLE = Duration.ofSeconds(1);

    static NatsServer nats;
    static Connection bus;

    FakeLlmServer llm;
    AgentPod pod;

    @BeforeAll
    static void startBus() throws Exception {
        nats = NatsServer.start();
        bus = BusConnections.connect(nats.url(), "agent-pod-it");
        // The control plane does this at start; here the test stands in for it.
        EventStreams.ensure(bus.jetStreamManagement());
    }

    @AfterAll
    static void stopBus() throws Exception {
        bus.close();
        nats.close();
    }

    @BeforeEach
    void startPod() throws Exception {
        llm = FakeLlmServer.start();
        // Runs share the bus, so each test's run has a name of its own.
        pod = AgentPod.create("run-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void stopPod() {
        pod.close();
        llm.close();
    }

    @ParameterizedTest
    @EnumSource(Providers.class)
    void aTaskWithTwoCommandsAndAFileEndsWithItsResultOnTheBus(Providers provider) throws Exception {
        llm.script(
                Turn.toolCalls(new ToolCall("call_1", "execute_command", "{\"command\":\"echo one\"}")),
                Turn.toolCalls(new ToolCall("call_2", "execute_command", "{\"command\":\"echo two; echo oops >&2; exit 3\"}"),
                        new ToolCall("call_3", "write_file", "{\"path\":\"reports/summary.md\",\"content\":\"# Summary\\nall good\"}")),
                Turn.text("Both commands ran; the summary is in reports/summary.md.\n<memory>payments restarts nightly</memory>"));
        Files.writeString(pod.skills.resolve("k8s-ops.md"), "Use kubectl through execute_command.");
        Files.writeString(pod.memory.resolve("MEMORY.md"), "The cluster runs payments.");

        Process executor = pod.startExecutor();
        Process bridge = pod.startBridge(nats.url());
        Process runner = pod.startRunner(withTask(provider.env(llm)));

        assertThat(pod.awaitExit(runner, EXIT)).as(pod::logsUnchecked).isZero();
        assertThat(pod.awaitExit(bridge, EXIT)).as(pod::logsUnchecked).isZero();
        assertThat(pod.awaitExit(executor, EXIT)).as(pod::logsUnchecked).isZero();

        RunResult result = onlyResult();
        assertThat(result.success()).isTrue();
        assertThat(result.result()).isEqualTo("Both commands ran; the summary is in reports/summary.md.");
        assertThat(result.memoryUpdate()).isEqualTo("payments restarts nightly");
        assertThat(result.toolCalls()).isEqualTo(3);
        assertThat(result.tokenUsage().getInput()).isEqualTo(300);
        assertThat(result.tokenUsage().getOutput()).isEqualTo(60);
        // The same record as the stdout marker, the controller's fallback.
        assertThat(RunResultMarker.find(pod.stdout("runner")).map(RunResult::toJson)).contains(result.toJson());

        assertThat(pod.workspace.resolve("reports/summary.md")).hasContent("# Summary\nall good");
        assertThat(filesIn(pod.ipc.resolve("events"))).as("every event file published and removed").isEmpty();
        assertThat(filesIn(pod.ipc.resolve("tools"))).as("no request or answer left behind").isEmpty();

        List<ToolCallEvent> tools = toolEvents();
        assertThat(tools).extracting(ToolCallEvent::callId).containsExactly("call_1", "call_2", "call_3");
        assertThat(tools).extracting(ToolCallEvent::ok).containsExactly(true, false, true);

        assertThat(llm.requests()).hasSize(3);
        RecordedRequest first = llm.requests().get(0);
        assertThat(first.path()).isEqualTo(provider.expectedPath());
        assertThat(provider.credential(first)).isEqualTo(provider.expectedCredential());
        if (provider == Providers.AZURE_OPENAI) {
            assertThat(first.query()).isEqualTo("api-version=2024-10-21");
        }
        assertThat(ModelRequests.offeredTools(first)).containsExactlyInAnyOrder(
                "read_file", "write_file", "list_directory", "fetch_url", "execute_command", "schedule_task");
        assertThat(first.body()).contains("Use kubectl through execute_command.").contains("The cluster runs payments.");
        assertThat(ModelRequests.toolResults(llm.requests().get(1))).containsOnlyKeys("call_1")
                .hasEntrySatisfying("call_1", text -> assertThat(text).startsWith("exit code 0").contains("one"));
        assertThat(ModelRequests.toolResults(llm.requests().get(2)))
                .hasEntrySatisfying("call_2", text -> assertThat(text).startsWith("exit code 3").contains("two").contains("stderr:\noops"))
                .hasEntrySatisfying("call_3", text -> assertThat(text).startsWith("wrote 18 bytes"));
    }

    @Test
    void escapesAndDeniedToolsAreRefusedWithTheirReasons() throws Exception {
        Files.createSymbolicLink(pod.workspace.resolve("etc-link"), Path.of("/etc"));
        Files.writeString(pod.root.resolve("secret.txt"), "outside");
        Path lookalike = Files.createDirectories(pod.root.resolve("workspacefoo"));
        int loopbackPort = java.net.URI.create(llm.baseUrl()).getPort();
        llm.script(
                Turn.toolCalls(
                        new ToolCall("traversal", "read_file", "{\"path\":\"../secret.txt\"}"),
                        new ToolCall("symlink", "read_file", "{\"path\":\"etc-link/hostname\"}"),
                        new ToolCall("prefix", "write_file", "{\"path\":\"" + lookalike.resolve("x.txt") + "\",\"content\":\"x\"}"),
                        new ToolCall("metadata", "fetch_url", "{\"url\":\"http://169.254.169.254/latest/meta-data/\"}"),
                        new ToolCall("loopback", "fetch_url", "{\"url\":\"http://127.0.0.1:" + loopbackPort + "/v1/models\"}"),
                        new ToolCall("private", "fetch_url", "{\"url\":\"http://10.0.0.1/\"}"),
                        new ToolCall("denied", "execute_command", "{\"command\":\"id\"}")),
                Turn.text("I could not do any of it."));
        Map<String, String> env = withTask(Providers.OPENAI.env(llm));
        env.put(RunnerEnv.TOOL_RULES, EventJson.write(new ToolRules(ToolRules.VERSION, null, List.of("execute_command"), List.of(), null)));

        runToTheEnd(env);

        assertThat(ModelRequests.offeredTools(llm.requests().get(0))).doesNotContain("execute_command").contains("read_file");
        Map<String, String> answers = ModelRequests.toolResults(llm.requests().get(1));
        assertThat(answers.values()).allSatisfy(text -> assertThat(text).startsWith("refused: "));
        assertThat(answers.get("traversal")).contains("../secret.txt is outside the run's volumes");
        assertThat(answers.get("symlink")).contains("is a link to /etc/hostname, outside");
        assertThat(answers.get("prefix")).contains("is outside the run's volumes");
        assertThat(answers.get("metadata")).contains("169.254.169.254, which is the cloud metadata service");
        assertThat(answers.get("loopback")).contains("127.0.0.1, which is a loopback address");
        assertThat(answers.get("private")).contains("10.0.0.1, which is a private address");
        assertThat(answers.get("denied")).contains("the tool execute_command is denied by this run's tool policy");
        assertThat(lookalike.resolve("x.txt")).doesNotExist();
        assertThat(llm.requests()).as("the loopback fetch never reached the fake LLM").hasSize(2);
        assertThat(toolEvents()).hasSize(7).allSatisfy(event -> assertThat(event.ok()).isFalse());
        assertThat(onlyResult().toolCalls()).isEqualTo(7);
    }

    @Test
    void aModelThatNeverStopsCallingToolsIsStoppedAtTheIterationCap() throws Exception {
        llm.script(Stream.iterate(1, i -> i + 1).limit(3)
                .map(i -> Turn.toolCalls(new ToolCall("ls" + i, "list_directory", "{}"))).toArray(Turn[]::new));
        Map<String, String> env = withTask(Providers.OPENAI.env(llm));
        env.put(RunnerEnv.MAX_ITERATIONS, "3");

        RunResult result = runToTheEnd(env);

        assertThat(result.success()).isFalse();
        assertThat(result.error()).isEqualTo("stopped after 3 model turns: the model was still calling tools (KUBECLAW_MAX_ITERATIONS sets the limit)");
        assertThat(result.toolCalls()).isEqualTo(3);
        assertThat(llm.requests()).hasSize(3);
    }

    @Test
    void aRateLimitedProviderIsRetriedAfterTheTimeItAsksFor() throws Exception {
        llm.script(Turn.error(429, "slow down", Map.of("retry-after", "1")), Turn.text("ok after waiting"));

        RunResult result = runToTheEnd(withTask(Providers.ANTHROPIC.env(llm)));

        assertThat(result.success()).isTrue();
        assertThat(result.result()).isEqualTo("ok after waiting");
        assertThat(llm.requests()).hasSize(2);
    }

    @Test
    void aProviderThatKeepsRateLimitingFailsTheRunWithTheReason() throws Exception {
        llm.script(Turn.error(429, "slow down", Map.of("retry-after", "0")), Turn.error(429, "slow down", Map.of("retry-after", "0")),
                Turn.error(429, "still too fast", Map.of("retry-after", "0")));

        RunResult result = runToTheEnd(withTask(Providers.OPENAI.env(llm)));

        assertThat(result.success()).isFalse();
        assertThat(result.error()).startsWith("provider openai (model gpt-4o) kept rate-limiting the run (HTTP 429)")
                .contains("still too fast").contains("after 3 attempts");
        assertThat(llm.requests()).hasSize(3);
    }

    @Test
    void aProviderThatNeverAnswersFailsTheRunAtTheRequestTimeout() throws Exception {
        llm.script(Turn.hang());
        Map<String, String> env = withTask(Providers.OPENAI_COMPATIBLE.env(llm));
        env.put(RunnerEnv.PROVIDER_TIMEOUT, "2s");

        RunResult result = runToTheEnd(env);

        assertThat(result.success()).isFalse();
        assertThat(result.error()).isEqualTo("provider openai-compatible (model mistral-small) did not answer within 2 s; "
                + "the request was abandoned (KUBECLAW_PROVIDER_TIMEOUT sets the limit)");
    }

    @Test
    void aMisconfiguredRunReportsWhatIsWrongWithoutCallingTheProvider() throws Exception {
        Map<String, String> env = withTask(Providers.OPENAI.env(llm));
        env.put(RunnerEnv.PROVIDER, "gpt");

        RunResult result = runToTheEnd(env);

        assertThat(result.error()).startsWith("the run is misconfigured: KUBECLAW_PROVIDER=\"gpt\" is not a provider: use one of [openai, anthropic");
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void aToolThatNeedsApprovalRunsOnceTheApprovalArrivesThroughTheBridge() throws Exception {
        llm.script(Turn.toolCalls(new ToolCall("call-w", "write_file", "{\"path\":\"approved.txt\",\"content\":\"yes\"}")),
                Turn.text("written"));
        Map<String, String> env = withTask(Providers.OPENAI.env(llm));
        env.put(RunnerEnv.TOOL_RULES, EventJson.write(new ToolRules(ToolRules.VERSION, null, List.of(),
                List.of(new ToolRules.Rule("write_file", "ask")), "allow")));
        bus.jetStream().publish(EventSubjects.run(AgentPod.NAMESPACE, AgentPod.INSTANCE, pod.run, RunTopic.INBOUND),
                EventJson.write(InboundMessage.approval("call-w", true, "alice")).getBytes());

        RunResult result = runToTheEnd(env);

        assertThat(result.result()).isEqualTo("written");
        assertThat(pod.workspace.resolve("approved.txt")).hasContent("yes");
        assertThat(filesIn(pod.ipc.resolve("inbound"))).hasSize(1);
        assertThat(runEvents(RunTopic.EVENT)).anySatisfy(event -> assertThat(event.data()).contains("approval-requested"));
    }

    @Test
    void aNatsRestartWhileTheRunPublishesLosesNothingAndStoresTheResultOnce() throws Exception {
        Pod running = startSlowRun();

        nats.stop();
        await().atMost(EXIT).untilAsserted(() -> assertThat(filesIn(pod.ipc.resolve("events")))
                .as("the result waits in /ipc while NATS is down").anyMatch(name -> name.endsWith(".result.json")));
        nats.restart();

        assertThat(pod.awaitExit(running.runner(), EXIT)).as(pod::logsUnchecked).isZero();
        assertThat(pod.awaitExit(running.bridge(), EXIT)).as(pod::logsUnchecked).isZero();
        assertThat(pod.awaitExit(running.executor(), EXIT)).isZero();
        assertThat(onlyResult().result()).isEqualTo("finished");
        assertEveryEventStoredOnce();
    }

    @Test
    void aBridgeKilledMidRunIsRestartedWithoutLosingOrDuplicatingEvents() throws Exception {
        Pod running = startSlowRun();
        running.bridge().destroyForcibly().waitFor();

        await().atMost(EXIT).untilAsserted(() -> assertThat(filesIn(pod.ipc.resolve("events"))).anyMatch(name -> name.endsWith(".result.json")));
        // The crash window that message IDs close: the old bridge published the result and died before deleting its file.
        Path resultFile = filesIn(pod.ipc.resolve("events")).stream().filter(name -> name.endsWith(".result.json"))
                .map(pod.ipc.resolve("events")::resolve).findFirst().orElseThrow();
        bus.jetStream().publish(EventSubjects.run(AgentPod.NAMESPACE, AgentPod.INSTANCE, pod.run, RunTopic.RESULT),
                Files.readAllBytes(resultFile),
                io.nats.client.PublishOptions.builder().messageId("uid-" + pod.run + "/" + resultFile.getFileName()).build());
        Process restarted = pod.startBridge(nats.url());

        assertThat(pod.awaitExit(running.runner(), EXIT)).as(pod::logsUnchecked).isZero();
        assertThat(pod.awaitExit(restarted, EXIT)).as(pod::logsUnchecked).isZero();
        assertThat(pod.awaitExit(running.executor(), EXIT)).isZero();
        assertThat(onlyResult().result()).isEqualTo("finished");
        assertEveryEventStoredOnce();
    }

    private record Pod(Process executor, Process bridge, Process runner) {
    }

    /** A run whose one command takes two seconds, started and past its first model request: time to break things. */
    private Pod startSlowRun() throws Exception {
        llm.script(Turn.toolCalls(new ToolCall("slow", "execute_command", "{\"command\":\"sleep 2; echo slow\"}")), Turn.text("finished"));
        Pod running = new Pod(pod.startExecutor(), pod.startBridge(nats.url()), pod.startRunner(withTask(Providers.OPENAI.env(llm))));
        llm.awaitRequest(0, EXIT);
        return running;
    }

    /** Runs the pod's three processes to their ends and returns the result the bus got. */
    private RunResult runToTheEnd(Map<String, String> runnerEnv) throws Exception {
        Process executor = pod.startExecutor();
        Process bridge = pod.startBridge(nats.url());
        Process runner = pod.startRunner(runnerEnv);
        assertThat(pod.awaitExit(runner, EXIT)).as(pod::logsUnchecked).isZero();
        assertThat(pod.awaitExit(bridge, EXIT)).as(pod::logsUnchecked).isZero();
        assertThat(pod.awaitExit(executor, EXIT)).as(pod::logsUnchecked).isZero();
        return onlyResult();
    }

    private static Map<String, String> withTask(Map<String, String> providerEnv) {
        Map<String, String> env = new HashMap<>(providerEnv);
        env.put(RunnerEnv.TASK, "Check the payments namespace and write a summary.");
        return env;
    }

    private RunResult onlyResult() {
        List<StoredMessage> results = runEvents(RunTopic.RESULT);
        assertThat(results).as("result events of run " + pod.run).hasSize(1);
        return RunResult.fromJson(results.get(0).data()).orElseThrow();
    }

    private List<ToolCallEvent> toolEvents() {
        return runEvents(RunTopic.TOOL).stream().map(m -> EventJson.read(m.data(), ToolCallEvent.class).orElseThrow()).toList();
    }

    private List<StoredMessage> runEvents(RunTopic topic) {
        return StreamContents.read(bus, EventStreams.RUNS, EventSubjects.run(AgentPod.NAMESPACE, AgentPod.INSTANCE, pod.run, topic), IDLE);
    }

    /** Each event file, numbered from 1 without gaps, is in the stream exactly once. */
    private void assertEveryEventStoredOnce() {
        List<StoredMessage> all = StreamContents.read(bus, EventStreams.RUNS,
                "kubeclaw." + AgentPod.NAMESPACE + "." + AgentPod.INSTANCE + ".run." + EventSubjects.token(pod.run) + ".*", IDLE)
                .stream().filter(m -> !m.subject().endsWith(".inbound")).toList();
        List<Long> sequences = all.stream().map(m -> Long.parseLong(m.messageId().substring(m.messageId().indexOf('/') + 1, m.messageId().indexOf('.'))))
                .sorted().toList();
        assertThat(sequences).as("event file numbers in the stream").doesNotHaveDuplicates()
                .isEqualTo(Stream.iterate(1L, i -> i + 1).limit(sequences.size()).toList());
        assertThat(sequences).hasSizeGreaterThanOrEqualTo(4);
    }

    private static List<String> filesIn(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}

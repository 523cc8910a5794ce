package io.kubeclaw.runner.pod;

import io.kubeclaw.api.bus.BusConnections;
import io.kubeclaw.api.bus.EventStreams;
import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.events.RunEvent;
import io.kubeclaw.api.ipc.AtomicFiles;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.testsupport.bench.LatencyPercentiles;
import io.kubeclaw.testsupport.llm.FakeLlmServer;
import io.kubeclaw.testsupport.llm.Turn;
import io.kubeclaw.testsupport.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamSubscription;
import io.nats.client.PushSubscribeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runner cold start (process start to its first request at the fake LLM), with and without an application
 * class-data sharing archive, and IPC bridge throughput and latency (event file written to message received by a
 * JetStream consumer). Run by {@code scripts/bench-pod.sh}; prints a Markdown section for docs/benchmarks.md.
 *
 * <p>Arguments: the runner's runtime class path, a work directory, the number of starts, the burst size, the paced
 * event count and rate per second.
 */
public final class PodBenchmark {

    private PodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String runnerClassPath = args[0];
        Path work = Files.createDirectories(Path.of(args[1]));
        int starts = Integer.parseInt(args[2]);
        int burst = Integer.parseInt(args[3]);
        int paced = Integer.parseInt(args[4]);
        int rate = Integer.parseInt(args[5]);
        try (NatsServer nats = NatsServer.start(); FakeLlmServer llm = FakeLlmServer.start();
             Connection bus = BusConnections.connect(nats.url(), "pod-benchmark")) {
            EventStreams.ensure(bus.jetStreamManagement());
            Path archive = work.resolve("runner.jsa");
            train(llm, nats, runnerClassPath, archive);
            long[] plain = coldStarts(llm, runnerClassPath, List.of(), starts);
            long[] shared = coldStarts(llm, runnerClassPath, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), starts);
            Bridge bridge = bridge(nats, bus, burst, paced, rate);
            System.out.println(report(starts, plain, shared, archive, burst, paced, rate, bridge));
        }
    }

    /** One full run that writes the class-data archive at exit: the classes a real run loads. */
    private static void train(FakeLlmServer llm, NatsServer nats, String classPath, Path archive) throws Exception {
        llm.script(Turn.text("ok"));
        try (AgentPod pod = AgentPod.create("train")) {
            Process bridge = pod.startBridge(nats.url());
            Process runner = pod.startRunner(env(llm), List.of("-XX:ArchiveClassesAtExit=" + archive), classPath);
            check(pod.awaitExit(runner, Duration.ofMinutes(2)) == 0 && Files.exists(archive), "the training run failed:\n" + pod.logs());
            pod.awaitExit(bridge, Duration.ofMinutes(1));
        }
    }

    private static long[] coldStarts(FakeLlmServer llm, String classPath, List<String> jvmOptions, int starts) throws Exception {
        long[] nanos = new long[starts];
        for (int i = 0; i < starts; i++) {
            int before = llm.requests().size();
            llm.script(Turn.text("ok"));
            try (AgentPod pod = AgentPod.create("cold-" + i)) {
                long started = System.nanoTime();
                Process runner = pod.startRunner(env(llm), jvmOptions, classPath);
                llm.awaitRequest(before, Duration.ofMinutes(1));
                nanos[i] = System.nanoTime() - started;
                // Only the start is measured: the run itself need not finish (no bridge here).
                runner.destroyForcibly().waitFor();
            }
        }
        return nanos;
    }

    record Bridge(double burstPerSecond, long burstMillis, LatencyPercentiles latency) {
    }

    /** A burst of event files, then a paced stream, through a real bridge process to a JetStream push consumer. */
    private static Bridge bridge(NatsServer nats, Connection bus, int burst, int paced, int rate) throws Exception {
        try (AgentPod pod = AgentPod.create("bridge-bench")) {
            IpcLayout ipc = new IpcLayout(pod.ipc).ensureDirectories();
            ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>();
            CountDownLatch all = new CountDownLatch(burst + paced);
            Dispatcher dispatcher = bus.createDispatcher();
            JetStreamSubscription subscription = bus.jetStream().subscribe(
                    EventSubjects.run(AgentPod.NAMESPACE, AgentPod.INSTANCE, pod.run, EventSubjects.RunTopic.EVENT), dispatcher, message -> {
                        long now = System.nanoTime();
                        RunEvent event = EventJson.read(new String(message.getData()), RunEvent.class).orElseThrow();
                        arrivals.add(new long[]{Long.parseLong(event.message()), now});
                        all.countDown();
                    }, true, PushSubscribeOptions.builder().ordered(true).build());
            Process bridge = pod.startBridge(nats.url());
            // The first file waits for the bridge's start; the clock starts when it has published it.
            long seq = 1;
            write(ipc, seq++);
            waitUntil(() -> arrivals.size() == 1, Duration.ofMinutes(1));
            arrivals.clear();

            long burstStart = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                write(ipc, seq++);
            }
            waitUntil(() -> arrivals.size() == burst, Duration.ofMinutes(5));
            long burstNanos = arrivals.stream().mapToLong(a -> a[1]).max().orElseThrow() - burstStart;

            arrivals.clear();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long next = System.nanoTime();
            for (int i = 0; i < paced; i++) {
                // Parked, not spinning: a busy wait would take one of the two cores from the bridge and NATS.
                java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
                write(ipc, seq++);
                next += interval;
            }
            waitUntil(() -> arrivals.size() == paced, Duration.ofMinutes(2));
            LatencyPercentiles latency = LatencyPercentiles.of(arrivals.stream().mapToLong(a -> a[1] - a[0]).toArray());

            AtomicFiles.write(ipc.done(), "");
            pod.awaitExit(bridge, Duration.ofMinutes(1));
            dispatcher.unsubscribe(subscription);
            return new Bridge(burst / (burstNanos / 1e9), burstNanos / 1_000_000, latency);
        }
    }

    private static void write(IpcLayout ipc, long sequence) throws Exception {
        RunEvent event = new RunEvent(RunEvent.VERSION, "bench", String.valueOf(System.nanoTime()), "now");
        AtomicFiles.write(ipc.event(new IpcLayout.EventFile(sequence, IpcLayout.Topic.EVENT)), EventJson.write(event));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            check(System.nanoTime() < deadline, "timed out after " + limit);
            Thread.sleep(1);
        }
    }

    private static Map<String, String> env(FakeLlmServer llm) {
        Map<String, String> env = new HashMap<>(Providers.OPENAI.env(llm));
        env.put("KUBECLAW_TASK", "say ok");
        return env;
    }

    private static String report(int starts, long[] plain, long[] shared, Path archive, int burst, int paced, int rate, Bridge bridge)
            throws Exception {
        LatencyPercentiles cold = LatencyPercentiles.of(plain);
        LatencyPercentiles cds = LatencyPercentiles.of(shared);
        List<String> lines = new ArrayList<>();
        lines.add("| what | result |");
        lines.add("|---|---|");
        lines.add(row("runner cold start, median of " + starts + " (p90, max)", cold));
        lines.add(row("runner cold start with the AppCDS archive (" + Files.size(archive) / (1024 * 1024) + " MiB), median of " + starts
                + " (p90, max)", cds));
        lines.add(String.format(Locale.ROOT, "| bridge burst: %d event files to the consumer | %d ms, %.0f files/s |", burst,
                bridge.burstMillis(), bridge.burstPerSecond()));
        lines.add(String.format(Locale.ROOT, "| bridge latency file to consumer, %d files at %d/s: p50 / p90 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |",
                paced, rate, bridge.latency().p50Nanos() / 1e6, bridge.latency().p90Nanos() / 1e6, bridge.latency().p99Nanos() / 1e6,
                bridge.latency().maxNanos() / 1e6));
        return String.join("\n", lines);
    }

    private static String row(String what, LatencyPercentiles p) {
        return String.format(Locale.ROOT, "| %s | %d ms (%d, %d) |", what, p.p50Nanos() / 1_000_000, p.p90Nanos() / 1_000_000,
                p.maxNanos() / 1_000_000);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}

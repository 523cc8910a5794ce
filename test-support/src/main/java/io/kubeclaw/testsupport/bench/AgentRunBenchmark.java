package io.kubeclaw.testsupport.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import io.kubeclaw.testsupport.liberty.LibertyServer;
import io.kubeclaw.testsupport.process.StartedServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Measures the AgentRun controller of one KubeClaw Liberty server against the local control plane
 * (cluster flavour): run-to-Job latency one run at a time, the time for a burst of runs to all have
 * Jobs, the same number of plain Jobs created by a bare client as the physical limit, and Liberty's
 * resident memory. Prints a Markdown section for docs/benchmarks.md. Run it with scripts/bench.sh.
 *
 * <p>kwok's one fake node takes 2000 pods and agent pods run until told to exit; should pods stay
 * Pending it would not matter: what is measured is the Job, not the pod.
 * Each phase gets a fresh namespace, and the previous one is deleted (and gone) first, so one
 * phase's pods and controllers' work do not load the next.
 */
public final class AgentRunBenchmark {

    private static final String USAGE = "usage: AgentRunBenchmark <work-dir> <liberty-wlp-dir> "
            + "[--runs-latency N] [--burst M] [--threads T] [--warmup K]";
    private static final String INSTANCE = "bench";
    /** The label the controller puts on a run's Job (RunLabels.RUN, which this module cannot see). */
    private static final String RUN_LABEL = "kubeclaw.io/run";
    private static final Duration READY_LIMIT = Duration.ofMinutes(2);
    private static final Duration ONE_JOB_LIMIT = Duration.ofMinutes(1);
    private static final Duration BURST_LIMIT = Duration.ofMinutes(15);
    private static final Duration NAMESPACE_GONE_LIMIT = Duration.ofMinutes(15);
    /** Start-up work (class loading, JIT, first informer lists) goes on after readiness; let it finish before the first RSS. */
    private static final Duration SETTLE = Duration.ofSeconds(15);

    private final Options options;
    private final StartedServers started = new StartedServers();

    private AgentRunBenchmark(Options options) {
        this.options = options;
    }

    /** The benchmark's arguments; the sizes default to the figures docs/benchmarks.md reports. */
    record Options(Path workDir, Path wlp, int latencyRuns, int warmupRuns, int burst, int threads) {

        static Options parse(String[] args) {
            if (args.length < 2) {
                throw new IllegalArgumentException("the work and Liberty directories are required");
            }
            int latencyRuns = 200;
            int warmupRuns = 20;
            int burst = 1000;
            int threads = 8;
            for (int i = 2; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a number");
                }
                int value = number(args[i], args[i + 1]);
                switch (args[i]) {
                    case "--runs-latency" -> latencyRuns = positive(args[i], value);
                    case "--warmup" -> warmupRuns = value;
                    case "--burst" -> burst = positive(args[i], value);
                    case "--threads" -> threads = positive(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            return new Options(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(), latencyRuns, warmupRuns, burst, threads);
        }

        /** How to repeat this measurement. */
        String command() {
            return "scripts/bench.sh --runs-latency %d --burst %d --threads %d --warmup %d".formatted(latencyRuns, burst, threads, warmupRuns);
        }

        private static int number(String option, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number < 0) {
                    throw new IllegalArgumentException(option + " cannot be negative: " + value);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
            }
        }

        private static int positive(String option, int value) {
            if (value == 0) {
                throw new IllegalArgumentException(option + " must be at least 1");
            }
            return value;
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        AgentRunBenchmark benchmark = new AgentRunBenchmark(options);
        // Ctrl-C too must stop the servers this process started.
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stop, "agentrun-benchmark-stop"));
        int exitCode = 0;
        try {
            String report = benchmark.run().markdown();
            Files.writeString(options.workDir().resolve("report.md"), report);
            System.out.println();
            System.out.println(report);
        } catch (RuntimeException | IOException e) {
            System.err.println("error: " + (e.getMessage() == null ? e : e.getMessage()));
            System.err.println("the servers' logs are in " + options.workDir());
            exitCode = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = 1;
        } finally {
            benchmark.stop();
        }
        System.exit(exitCode);
    }

    private BenchmarkReport run() throws IOException, InterruptedException {
        Files.createDirectories(options.workDir());
        System.setProperty("kubeclaw.liberty.dir", options.wlp().toString());
        progress("starting the local control plane in " + options.workDir().resolve("kube"));
        KubeControlPlane kube = started.add(KubeControlPlane.start(options.workDir().resolve("kube")));
        kube.ensureClusterComponents();
        LibertyServer liberty = started.add(startLeadingLiberty(kube));
        ProcessMemory memory = ProcessMemory.ofJavaAt(liberty.process().pid());
        progress("Liberty leads (java pid " + memory.pid() + "); settling for " + SETTLE.toSeconds() + " s before the first RSS");
        // A fixed quiet period, not a wait for a condition: nothing signals that start-up work has ended.
        Thread.sleep(SETTLE);
        long rssBefore = memory.residentKib();

        String latencyNamespace = readyNamespace(kube, "bench-latency");
        LatencyPercentiles latency = measureLatency(kube, latencyNamespace);
        deleteNamespace(kube, latencyNamespace);

        String burstNamespace = readyNamespace(kube, "bench-burst");
        createInstance(kube, burstNamespace);
        BurstResult agentRuns;
        try (JobArrivals jobs = JobArrivals.byLabel(kube.client(), burstNamespace, RUN_LABEL)) {
            progress("burst: " + options.burst() + " AgentRuns from " + options.threads() + " threads");
            agentRuns = burst(kube.client(), jobs, i -> agentRun("burst-" + i, burstNamespace));
        }
        long rssAfterBurst = memory.residentKib();
        deleteNamespace(kube, burstNamespace);

        String rawNamespace = readyNamespace(kube, "bench-raw");
        BurstResult rawJobs;
        try (JobArrivals jobs = JobArrivals.byName(kube.client(), rawNamespace)) {
            progress("raw: " + options.burst() + " plain Jobs from " + options.threads() + " threads, no controller of ours involved");
            rawJobs = burst(kube.client(), jobs, i -> plainJob("raw-" + i, rawNamespace));
        }
        BenchmarkReport.LibertyMemory libertyMemory =
                new BenchmarkReport.LibertyMemory(rssBefore, rssAfterBurst, memory.residentKib(), memory.peakResidentKib());

        return new BenchmarkReport(options.command(), kube.client().getKubernetesVersion().getGitVersion(), options.warmupRuns(),
                latency, agentRuns, rawJobs, libertyMemory);
    }

    /** One Liberty server with the production lease timings, once its readiness says it is ready and the leader. */
    private LibertyServer startLeadingLiberty(KubeControlPlane kube) {
        kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(KubeClaw.SYSTEM_NAMESPACE).endMetadata().build())
                .serverSideApply();
        progress("starting Liberty from " + options.wlp());
        return LibertyServer.start("liberty-bench", options.workDir().resolve("liberty"), Map.of(
                "KUBECONFIG", kube.kubeconfig().toString(),
                "KUBECLAW_LEADER_ELECTION_IDENTITY", "bench",
                "KUBECLAW_LEADER_ELECTION_LEASE_NAME", "kubeclaw-bench",
                "KUBECLAW_LEADER_ELECTION_LEASE_NAMESPACE", KubeClaw.SYSTEM_NAMESPACE,
                // Measured as before the webhook existed, so the figures stay comparable.
                "KUBECLAW_WEBHOOK_ENABLED", "false")).awaitLeading(READY_LIMIT);
    }

    /** Run-to-Job latency, one run at a time: each run is created only once the previous run's Job was seen. */
    private LatencyPercentiles measureLatency(KubeControlPlane kube, String ns) {
        createInstance(kube, ns);
        try (JobArrivals jobs = JobArrivals.byLabel(kube.client(), ns, RUN_LABEL)) {
            progress("latency: " + options.warmupRuns() + " warm-up runs, then " + options.latencyRuns() + " measured, one at a time");
            for (int i = 0; i < options.warmupRuns(); i++) {
                runToJobNanos(kube.client(), jobs, agentRun("warmup-" + i, ns));
            }
            long[] latencies = new long[options.latencyRuns()];
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = runToJobNanos(kube.client(), jobs, agentRun("latency-" + i, ns));
            }
            return LatencyPercentiles.of(latencies);
        }
    }

    /** From just before the run's create request to the moment the watch delivers its Job. */
    private static long runToJobNanos(KubernetesClient client, JobArrivals jobs, AgentRun run) {
        long before = System.nanoTime();
        client.resource(run).create();
        return jobs.await(run.getMetadata().getName(), ONE_JOB_LIMIT) - before;
    }

    /**
     * Creates {@code options.burst()} objects as fast as {@code options.threads()} threads can, and times
     * from the first create to the last create returned and to the last Job seen. Each object's key in
     * {@code jobs} is its name: the run's name for AgentRuns, the Job's own for plain Jobs.
     */
    private BurstResult burst(KubernetesClient client, JobArrivals jobs, IntFunction<HasMetadata> object) throws InterruptedException {
        List<HasMetadata> objects = IntStream.range(0, options.burst()).mapToObj(object).toList();
        List<String> keys = objects.stream().map(o -> o.getMetadata().getName()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            long start = System.nanoTime();
            List<Future<Long>> creates = new ArrayList<>(objects.size());
            for (HasMetadata o : objects) {
                creates.add(pool.submit(() -> {
                    client.resource(o).create();
                    return System.nanoTime();
                }));
            }
            long lastCreate = start;
            for (Future<Long> create : creates) {
                lastCreate = Math.max(lastCreate, create.get());
            }
            long lastJob = jobs.awaitAll(keys, BURST_LIMIT);
            return new BurstResult(objects.size(), options.threads(), lastCreate - start, lastJob - start);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a create failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static AgentRun agentRun(String name, String ns) {
        return AgentRunFixture.run(name).forInstance(INSTANCE).inNamespace(ns).build();
    }

    /** The smallest Job that runs: one container, no retries (kwok completes its pod by itself). */
    private static Job plainJob(String name, String ns) {
        return new JobBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withNewTemplate()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .addNewContainer().withName("main").withImage("busybox:1.36").withCommand("true").endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** The instance the runs use, once its controller has seen it, so the first run does not also pay for that. */
    private static void createInstance(KubeControlPlane kube, String ns) {
        kube.client().resource(ClawInstanceFixture.instance(INSTANCE).inNamespace(ns).build()).create();
        kube.client().resources(ClawInstance.class).inNamespace(ns).withName(INSTANCE).waitUntilCondition(instance -> instance != null
                && instance.getStatus() != null
                && Objects.equals(instance.getStatus().getObservedGeneration(), instance.getMetadata().getGeneration()),
                READY_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A fresh namespace whose default ServiceAccount exists, so its pods can be admitted. */
    private static String readyNamespace(KubeControlPlane kube, String prefix) {
        String ns = kube.newNamespace(prefix);
        await("default ServiceAccount in " + ns).atMost(Duration.ofSeconds(30))
                .until(() -> kube.client().serviceAccounts().inNamespace(ns).withName("default").get() != null);
        return ns;
    }

    /** Deletes {@code ns} and waits until it is gone: its AgentRuns' finalizers, Jobs and pods included. */
    private static void deleteNamespace(KubeControlPlane kube, String ns) {
        progress("deleting namespace " + ns);
        kube.client().namespaces().withName(ns).delete();
        kube.client().namespaces().withName(ns).waitUntilCondition(Objects::isNull, NAMESPACE_GONE_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void progress(String message) {
        System.out.println("[bench] " + message);
    }

    private void stop() {
        started.stopAll();
    }
}

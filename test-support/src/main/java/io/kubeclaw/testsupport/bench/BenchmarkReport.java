package io.kubeclaw.testsupport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The benchmark's figures as a Markdown section for docs/benchmarks.md, with the machine they were measured on. */
record BenchmarkReport(String command, String kubernetesVersion, int warmupRuns, LatencyPercentiles latency,
                       BurstResult agentRuns, BurstResult rawJobs, LibertyMemory memory) {

    /** Liberty's resident memory in KiB: ready and idle, after the AgentRun burst, at the end, and the peak. */
    record LibertyMemory(long beforeKib, long afterBurstKib, long endKib, long peakKib) {
    }

    String markdown() {
        return String.format(Locale.ROOT, """
                ## AgentRun controller: latency, burst and memory (%s)

                Command: `%s`. Machine: %d CPUs (%s), %s RAM, Java %s.
                Cluster: the local control plane (etcd, kube-apiserver %s, kube-controller-manager,
                kube-scheduler, kwok with one fake node of 2000 pods).

                | what | result |
                |---|---|
                | AgentRun created → its Job seen, one run at a time (%d runs after %d warm-up runs): p50 | %s |
                | the same: p90 | %s |
                | the same: p99 | %s |
                | the same: max | %s |
                | %d AgentRuns created by %d threads → all %d Jobs seen | %.1f s (%.0f runs/s; the creates took %.1f s) |
                | %d plain Jobs created by a bare client, %d threads → all seen (the physical limit) | %.1f s (%.0f Jobs/s; the creates took %.1f s) |
                | Liberty RSS, ready and idle | %s |
                | Liberty RSS after the AgentRun burst | %s |
                | Liberty RSS at the end (its burst namespace deleted) | %s |
                | Liberty peak RSS (VmHWM) | %s |
                """,
                LocalDate.now(), command, Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemory(), Runtime.version(),
                kubernetesVersion,
                latency.count(), warmupRuns, millis(latency.p50Nanos()), millis(latency.p90Nanos()), millis(latency.p99Nanos()),
                millis(latency.maxNanos()),
                agentRuns.count(), agentRuns.threads(), agentRuns.count(), agentRuns.seconds(), agentRuns.perSecond(), agentRuns.createSeconds(),
                rawJobs.count(), rawJobs.threads(), rawJobs.seconds(), rawJobs.perSecond(), rawJobs.createSeconds(),
                mebibytes(memory.beforeKib()), mebibytes(memory.afterBurstKib()), mebibytes(memory.endKib()), mebibytes(memory.peakKib()));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String mebibytes(long kib) {
        return String.format(Locale.ROOT, "%d MiB", Math.round(kib / 1024.0));
    }

    private static String cpuModel() {
        return procField("/proc/cpuinfo", "model name").orElse("CPU model unknown");
    }

    private static String totalMemory() {
        // "MemTotal:       24570140 kB"
        return procField("/proc/meminfo", "MemTotal")
                .map(value -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(value.replace("kB", "").strip()) / 1024.0 / 1024.0))
                .orElse("memory unknown");
    }

    /** The value of the first "name: value" line of a /proc file. */
    private static Optional<String> procField(String file, String name) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}

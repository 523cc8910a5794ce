package io.kubeclaw.testsupport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The resident memory of one JVM as Linux reports it in /proc/&lt;pid&gt;/status: current (VmRSS) and peak (VmHWM). */
final class ProcessMemory {

    private final long pid;

    private ProcessMemory(long pid) {
        this.pid = pid;
    }

    /**
     * The java process started as {@code pid} or below it. Liberty's {@code server run} execs java, so
     * that is normally {@code pid} itself; a wrapper that forks instead leaves java among its descendants.
     */
    static ProcessMemory ofJavaAt(long pid) {
        ProcessHandle started = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        return Stream.concat(Stream.of(started), started.descendants())
                .filter(ProcessMemory::isJava)
                .findFirst()
                .map(java -> new ProcessMemory(java.pid()))
                .orElseThrow(() -> new IllegalStateException("no java process at or below pid " + pid + " ("
                        + started.info().command().orElse("command unknown") + ")"));
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().equals("java")).orElse(false);
    }

    long pid() {
        return pid;
    }

    /** Resident set size now, in KiB. */
    long residentKib() {
        return field("VmRSS:");
    }

    /** The highest resident set size so far, in KiB. */
    long peakResidentKib() {
        return field("VmHWM:");
    }

    private long field(String name) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            // "VmRSS:	  524288 kB"
            return lines.filter(line -> line.startsWith(name))
                    .map(line -> Long.parseLong(line.substring(name.length()).replace("kB", "").strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + name + " in /proc/" + pid + "/status"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/status (has the process ended?)", e);
        }
    }
}

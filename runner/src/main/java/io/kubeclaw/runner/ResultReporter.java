package io.kubeclaw.runner;

import io.kubeclaw.api.events.RunResult;
import io.kubeclaw.api.events.RunResultMarker;
import io.kubeclaw.api.ipc.IpcLayout;
import io.kubeclaw.runner.ipc.EventOutbox;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports the run's one result: as the result event for the bridge, then as the marker line on stdout (the
 * controller's fallback), then waits until the bridge has published it before telling the sidecars the run is done.
 * Only the first report counts, whether it comes from the loop or the watchdog.
 */
final class ResultReporter {

    private final AtomicBoolean reported = new AtomicBoolean();
    private final EventOutbox outbox;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration flushLimit;

    ResultReporter(EventOutbox outbox, PrintStream out, PrintStream err, Duration flushLimit) {
        this.outbox = outbox;
        this.out = out;
        this.err = err;
        this.flushLimit = flushLimit;
    }

    /** Returns the exit status: 0 once reported, 1 when the result could not be written at all. */
    int report(RunResult result) {
        if (!reported.compareAndSet(false, true)) {
            return 0;
        }
        if (!result.success()) {
            err.println("kubeclaw-runner: the run failed: " + result.error());
        }
        Path file = null;
        try {
            file = outbox.write(IpcLayout.Topic.RESULT, result);
        } catch (RuntimeException e) {
            err.println("kubeclaw-runner: cannot write the result event: " + e.getMessage());
        }
        out.println(RunResultMarker.format(result));
        out.flush();
        try {
            if (file != null && !outbox.awaitPublished(file, flushLimit)) {
                err.println("kubeclaw-runner: the IPC bridge did not publish the result within " + flushLimit.toSeconds()
                        + " s; the controller reads it from this log instead");
            }
            outbox.markDone();
        } catch (Exception e) {
            err.println("kubeclaw-runner: cannot signal the sidecars: " + e.getMessage());
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

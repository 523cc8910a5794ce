package io.kubeclaw.runner.ipc;

import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.ipc.AtomicFiles;
import io.kubeclaw.api.ipc.IpcLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's outgoing events: one file per event in {@code /ipc/events}, written atomically and numbered in order,
 * which the IPC bridge publishes and then deletes. The agent container itself has no network path to the bus.
 */
public final class EventOutbox {

    private final IpcLayout ipc;
    private final AtomicLong sequence = new AtomicLong();

    public EventOutbox(IpcLayout ipc) throws IOException {
        this.ipc = ipc.ensureDirectories();
    }

    /** Writes {@code record} as the next event of {@code topic} and returns its file. */
    public Path write(IpcLayout.Topic topic, Object record) {
        Path file = ipc.event(new IpcLayout.EventFile(sequence.incrementAndGet(), topic));
        try {
            AtomicFiles.write(file, EventJson.write(record));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the bridge has published {@code file} (and so deleted it), at most {@code limit}. False when it is
     * still there: the bridge is gone or the bus unreachable, and the result marker on stdout must do.
     */
    public boolean awaitPublished(Path file, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Tells the sidecars the agent has finished; they exit once their own work is flushed. */
    public void markDone() throws IOException {
        AtomicFiles.write(ipc.done(), "");
    }
}

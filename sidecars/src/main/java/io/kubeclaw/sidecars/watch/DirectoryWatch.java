package io.kubeclaw.sidecars.watch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Wakes its owner when a directory changes, and at least every {@code rescan} anyway. Watch events only shorten the
 * wait; the owner always lists the directory, so an overflow or a missed event delays a file but never loses it.
 */
public final class DirectoryWatch implements AutoCloseable {

    private final WatchService watcher;
    private final Duration rescan;

    public DirectoryWatch(Path directory, Duration rescan) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        this.rescan = rescan;
        directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    /** Returns after a change in the directory or after the rescan interval, whichever is first. */
    public void awaitChange() throws InterruptedException {
        WatchKey key = watcher.poll(rescan.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
            key.pollEvents();
            key.reset();
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}

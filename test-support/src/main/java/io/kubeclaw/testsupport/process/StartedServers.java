package io.kubeclaw.testsupport.process;

import java.util.ArrayDeque;
import java.util.Deque;

/** What a launcher started, stopped newest first (Liberty before the cluster it talks to); safe to stop twice. */
public final class StartedServers {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Remembers {@code server} for {@link #stopAll()} and returns it. */
    public synchronized <T extends AutoCloseable> T add(T server) {
        started.push(server);
        return server;
    }

    public synchronized void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("warning: stopping a server failed: " + e.getMessage());
            }
        }
    }
}

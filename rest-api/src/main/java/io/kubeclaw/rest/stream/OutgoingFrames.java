package io.kubeclaw.rest.stream;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The frames on their way to one client: a bounded queue drained by one sender, one frame in flight at a time
 * (an asynchronous send completes before the next starts). Whoever produces a frame never waits: when the queue
 * is full the offer says so, and the caller drops the client. Memory per client is therefore bounded by the
 * limits, however slow the client reads.
 */
final class OutgoingFrames {

    /** Sends one text message, calling {@code whenDone} with null on success or the failure, on any thread. */
    interface Transport {
        void send(String text, Consumer<Throwable> whenDone);
    }

    enum Offer { QUEUED, FULL, CLOSED }

    private record Queued(Frame frame, String text) {
    }

    private final int maxFrames;
    private final long maxChars;
    private final Transport transport;
    private final Consumer<Frame> sent;
    private final Consumer<Throwable> failed;

    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean inFlight;
    private boolean closed;
    /** The thread running {@link #pump()}, so a send that completes on that same thread does not recurse. */
    private Thread pumping;

    /**
     * @param sent   told of each frame once the client has it, in order
     * @param failed told when a send fails (the client went away); nothing more is sent after it
     */
    OutgoingFrames(int maxFrames, long maxChars, Transport transport, Consumer<Frame> sent, Consumer<Throwable> failed) {
        this.maxFrames = maxFrames;
        this.maxChars = maxChars;
        this.transport = transport;
        this.sent = sent;
        this.failed = failed;
    }

    /** Queues the frame unless the queue is full (frames waiting, not counting the one in flight) or closed. */
    Offer offer(Frame frame) {
        String text = frame.toJson();
        synchronized (this) {
            if (closed) {
                return Offer.CLOSED;
            }
            if (queue.size() >= maxFrames || queuedChars + text.length() > maxChars) {
                return Offer.FULL;
            }
            queue.add(new Queued(frame, text));
            queuedChars += text.length();
        }
        pump();
        return Offer.QUEUED;
    }

    synchronized int queuedFrames() {
        return queue.size();
    }

    synchronized long queuedChars() {
        return queuedChars;
    }

    /** Drops whatever waits and refuses what comes; a send in flight still completes. */
    synchronized void close() {
        closed = true;
        queue.clear();
        queuedChars = 0;
    }

    private void pump() {
        synchronized (this) {
            if (pumping != null) {
                return;
            }
            pumping = Thread.currentThread();
        }
        while (true) {
            Queued next;
            synchronized (this) {
                if (closed || inFlight || queue.isEmpty()) {
                    pumping = null;
                    return;
                }
                next = queue.poll();
                queuedChars -= next.text().length();
                inFlight = true;
            }
            try {
                transport.send(next.text(), error -> done(next, error));
            } catch (RuntimeException e) {
                done(next, e);
            }
        }
    }

    private void done(Queued frame, Throwable error) {
        synchronized (this) {
            inFlight = false;
            if (error != null) {
                closed = true;
                queue.clear();
                queuedChars = 0;
            }
        }
        if (error != null) {
            failed.accept(error);
            return;
        }
        sent.accept(frame.frame());
        pump();
    }
}

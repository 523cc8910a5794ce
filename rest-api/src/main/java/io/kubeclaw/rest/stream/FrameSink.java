package io.kubeclaw.rest.stream;

/** Where a subscription's frames go: one client's session. */
interface FrameSink {

    /** Queues a frame for the client; never blocks. */
    void send(Frame frame);

    /** The subscription ended by itself (a log that finished): the client is told why, and may subscribe again. */
    void ended(Topic topic, String reason);
}

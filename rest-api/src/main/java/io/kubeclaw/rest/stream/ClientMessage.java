package io.kubeclaw.rest.stream;

/** A message a client sends on the WebSocket. */
sealed interface ClientMessage {

    /**
     * Start following {@code topic}. {@code after} (runs only) is the id of the last run event the client has:
     * events after it are replayed first. {@code tailLines} (logs only) starts the log that many lines back.
     */
    record Subscribe(Topic topic, Long after, Integer tailLines) implements ClientMessage {
    }

    record Unsubscribe(Topic topic) implements ClientMessage {
    }
}

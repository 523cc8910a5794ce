package io.kubeclaw.rest.stream;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a WebSocket subscription follows, by the name a client subscribes with. */
public enum Feed {
    /** Phase changes and run events (tool calls, results) of the runs in a namespace. */
    RUNS("runs"),
    /** Changes to one kind of KubeClaw resource in a namespace. */
    RESOURCES("resources"),
    /** The log lines of one run's agent. */
    LOGS("logs");

    private final String wireName;

    Feed(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<Feed> named(String name) {
        return Arrays.stream(values()).filter(feed -> feed.wireName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Feed::wireName).collect(Collectors.joining(", "));
    }
}

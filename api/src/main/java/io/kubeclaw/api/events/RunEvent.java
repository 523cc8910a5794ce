package io.kubeclaw.api.events;

/**
 * Progress of a run as it happens, for watchers (the API's live view, a channel's typing indicator).
 *
 * @param type    {@code started}, {@code model-turn}, {@code approval-requested} or {@code finished}
 * @param message what happened, for a human
 * @param at      when, as ISO-8601
 */
public record RunEvent(int version, String type, String message, String at) {

    public static final int VERSION = 1;

    public static RunEvent of(String type, String message, java.time.Instant at) {
        return new RunEvent(VERSION, type, message, at.toString());
    }
}

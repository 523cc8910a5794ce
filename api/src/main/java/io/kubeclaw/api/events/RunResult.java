package io.kubeclaw.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubeclaw.api.v1alpha1.run.TokenUsage;
import java.util.Optional;

/**
 * The outcome of an agent run as the runner reports it, in one JSON form for both its result event and its
 * stdout marker line ({@link RunResultMarker}).
 *
 * @param version      the payload version; this build writes and reads {@link #VERSION} only
 * @param result       the agent's final answer, when it succeeded
 * @param error        why the run failed, when it did not
 * @param memoryUpdate Markdown the run wants remembered, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(int version, boolean success, String result, String error, TokenUsage tokenUsage, int toolCalls,
                        String memoryUpdate) {

    public static final int VERSION = 1;

    public static RunResult succeeded(String result, TokenUsage usage, int toolCalls, String memoryUpdate) {
        return new RunResult(VERSION, true, result, null, usage, toolCalls, memoryUpdate);
    }

    public static RunResult failed(String error, TokenUsage usage, int toolCalls) {
        return new RunResult(VERSION, false, null, error, usage, toolCalls, null);
    }

    /** Compact JSON on one line: line breaks inside strings are escaped. */
    public String toJson() {
        return EventJson.write(this);
    }

    /**
     * The result the JSON describes, or empty when it is not a JSON object or carries a version other than
     * {@link #VERSION}: a payload this controller cannot interpret counts as no result, never as a guess.
     */
    public static Optional<RunResult> fromJson(String json) {
        return EventJson.read(json, RunResult.class).filter(parsed -> parsed.version() == VERSION);
    }
}

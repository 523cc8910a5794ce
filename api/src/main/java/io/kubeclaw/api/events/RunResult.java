package io.kubeclaw.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

    // Unknown fields are ignored so that a newer runner adding fields stays readable by this controller.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Compact JSON on one line: line breaks inside strings are escaped. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A RunResult is always serialisable", e);
        }
    }

    /**
     * The result the JSON describes, or empty when it is not a JSON object or carries a version other than
     * {@link #VERSION}: a payload this controller cannot interpret counts as no result, never as a guess.
     */
    public static Optional<RunResult> fromJson(String json) {
        try {
            return Optional.ofNullable(JSON.readValue(json, RunResult.class)).filter(parsed -> parsed.version() == VERSION);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

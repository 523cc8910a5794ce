package io.kubeclaw.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/**
 * The one JSON form of every event record on the bus and in {@code /ipc}: compact, nulls left out, unknown fields
 * ignored so that a newer writer stays readable by an older reader.
 */
public final class EventJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    /** Compact JSON on one line: line breaks inside strings are escaped. */
    public static String write(Object record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as an event: " + record.getClass().getName(), e);
        }
    }

    /** The record the JSON describes, or empty when it is malformed: a payload nobody can interpret is no payload. */
    public static <T> Optional<T> read(String json, Class<T> type) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #read} but says why, for callers that report the reason (a malformed request file). */
    public static <T> T readOrThrow(String json, Class<T> type) {
        try {
            T value = JSON.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException("empty JSON document");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}

package io.kubeclaw.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Optional;

/** One provider's HTTP dialect: what it demands of a request, how its errors look, how it answers. */
interface ProviderWire {

    /** A refusal before any turn is consumed, e.g. for a missing key. */
    record Rejection(int status, String message) {
    }

    Optional<Rejection> reject(RecordedRequest request);

    ObjectNode errorBody(int status, String message);

    /** Writes the answer, streamed when the request asked for it; sequence makes response ids unique. */
    void answer(HttpExchange exchange, JsonNode request, Turn.Answer answer, long sequence) throws IOException;

    static boolean streaming(JsonNode request) {
        return request.path("stream").asBoolean(false);
    }

    static String model(JsonNode request, String fallback) {
        return request.path("model").asText(fallback);
    }
}

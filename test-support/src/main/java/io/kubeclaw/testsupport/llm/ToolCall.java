package io.kubeclaw.testsupport.llm;

import java.util.Objects;

/** One function call the fake model asks the client to run; the arguments are a JSON object in text form. */
public record ToolCall(String id, String name, String argumentsJson) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argumentsJson, "argumentsJson");
        // Anthropic carries the arguments as a JSON object, so text that is not one would only fail later, on the wire.
        if (!Json.parse(argumentsJson).isObject()) {
            throw new IllegalArgumentException("tool call arguments must be a JSON object: " + argumentsJson);
        }
    }
}

package io.kubeclaw.runner.tools;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a tool call's JSON arguments; a missing or mistyped one is an {@link IllegalArgumentException} for the model. */
final class ToolArguments {

    private ToolArguments() {
    }

    static String requiredText(JsonNode arguments, String name) {
        JsonNode value = arguments.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("argument \"" + name + "\" (a non-empty string) is missing");
        }
        return value.asText();
    }

    static String optionalText(JsonNode arguments, String name) {
        JsonNode value = arguments.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    static int optionalInt(JsonNode arguments, String name, int fallback, int min, int max) {
        JsonNode value = arguments.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new IllegalArgumentException("argument \"" + name + "\" must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }
}

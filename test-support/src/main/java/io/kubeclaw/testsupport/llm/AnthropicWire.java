package io.kubeclaw.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** The Anthropic Messages dialect: content blocks, stop reasons, named stream events. */
final class AnthropicWire implements ProviderWire {

    @Override
    public Optional<Rejection> reject(RecordedRequest request) {
        String key = request.header("x-api-key");
        if (key == null || key.isBlank()) {
            return Optional.of(new Rejection(401, "x-api-key header is required"));
        }
        if (request.header("anthropic-version") == null) {
            return Optional.of(new Rejection(400, "anthropic-version: header is required"));
        }
        return Optional.empty();
    }

    @Override
    public ObjectNode errorBody(int status, String message) {
        ObjectNode body = Json.object().put("type", "error");
        body.putObject("error").put("type", errorType(status)).put("message", message);
        return body;
    }

    private static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    @Override
    public void answer(HttpExchange exchange, JsonNode request, Turn.Answer answer, long sequence) throws IOException {
        String id = "msg_" + sequence;
        String model = ProviderWire.model(request, "fake-model");
        if (ProviderWire.streaming(request)) {
            stream(exchange, id, model, answer);
        } else {
            ObjectNode message = message(id, model, answer.usage(), answer.usage().outputTokens());
            ArrayNode content = message.putArray("content");
            if (answer.content() != null) {
                content.add(textBlock(answer.content()));
            }
            for (ToolCall call : answer.calls()) {
                content.add(toolUseBlock(call, Json.parse(call.argumentsJson())));
            }
            message.put("stop_reason", stopReason(answer));
            Responses.json(exchange, 200, message, Map.of());
        }
    }

    private static ObjectNode message(String id, String model, Turn.Usage usage, long outputTokens) {
        ObjectNode message = Json.object()
                .put("id", id)
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", usage.inputTokens()).put("output_tokens", outputTokens);
        return message;
    }

    private static void stream(HttpExchange exchange, String id, String model, Turn.Answer answer) throws IOException {
        try (SseWriter sse = new SseWriter(exchange)) {
            // As the API does: message_start reports the input and a token or so of output, message_delta the final output.
            ObjectNode start = Json.object().put("type", "message_start");
            start.set("message", message(id, model, answer.usage(), Math.min(1, answer.usage().outputTokens())));
            sse.event("message_start", start);
            int index = 0;
            if (answer.content() != null) {
                blockStart(sse, index, textBlock(""));
                sse.event("ping", Json.object().put("type", "ping"));
                for (String piece : Pieces.of(answer.content())) {
                    blockDelta(sse, index, Json.object().put("type", "text_delta").put("text", piece));
                }
                blockStop(sse, index++);
            }
            for (ToolCall call : answer.calls()) {
                blockStart(sse, index, toolUseBlock(call, Json.object()));
                for (String piece : Pieces.of(call.argumentsJson())) {
                    blockDelta(sse, index, Json.object().put("type", "input_json_delta").put("partial_json", piece));
                }
                blockStop(sse, index++);
            }
            ObjectNode delta = Json.object().put("type", "message_delta");
            delta.putObject("delta").put("stop_reason", stopReason(answer)).putNull("stop_sequence");
            delta.putObject("usage").put("output_tokens", answer.usage().outputTokens());
            sse.event("message_delta", delta);
            sse.event("message_stop", Json.object().put("type", "message_stop"));
        }
    }

    private static void blockStart(SseWriter sse, int index, ObjectNode block) throws IOException {
        ObjectNode event = Json.object().put("type", "content_block_start").put("index", index);
        event.set("content_block", block);
        sse.event("content_block_start", event);
    }

    private static void blockDelta(SseWriter sse, int index, ObjectNode delta) throws IOException {
        ObjectNode event = Json.object().put("type", "content_block_delta").put("index", index);
        event.set("delta", delta);
        sse.event("content_block_delta", event);
    }

    private static void blockStop(SseWriter sse, int index) throws IOException {
        sse.event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", index));
    }

    private static ObjectNode textBlock(String text) {
        return Json.object().put("type", "text").put("text", text);
    }

    private static ObjectNode toolUseBlock(ToolCall call, JsonNode input) {
        ObjectNode block = Json.object().put("type", "tool_use").put("id", call.id()).put("name", call.name());
        block.set("input", input);
        return block;
    }

    private static String stopReason(Turn.Answer answer) {
        return answer.calls().isEmpty() ? "end_turn" : "tool_use";
    }
}

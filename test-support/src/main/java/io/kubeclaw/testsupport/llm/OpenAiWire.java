package io.kubeclaw.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The OpenAI Chat Completions dialect, which Ollama's /v1 path speaks too; it demands no key, as Ollama sends none. */
class OpenAiWire implements ProviderWire {

    @Override
    public Optional<Rejection> reject(RecordedRequest request) {
        return Optional.empty();
    }

    @Override
    public ObjectNode errorBody(int status, String message) {
        ObjectNode error = Json.object();
        error.put("message", message);
        if (status == 401) {
            error.put("type", "invalid_request_error").putNull("param").put("code", "invalid_api_key");
        } else if (status == 429) {
            // What the API sends when a requests-per-minute limit is hit.
            error.put("type", "requests").putNull("param").put("code", "rate_limit_exceeded");
        } else if (status >= 500) {
            error.put("type", "server_error").putNull("param").putNull("code");
        } else {
            error.put("type", "invalid_request_error").putNull("param").putNull("code");
        }
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }

    @Override
    public void answer(HttpExchange exchange, JsonNode request, Turn.Answer answer, long sequence) throws IOException {
        Envelope envelope = new Envelope("chatcmpl-" + sequence, Instant.now().getEpochSecond(),
                ProviderWire.model(request, "fake-model"));
        if (ProviderWire.streaming(request)) {
            boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
            stream(exchange, envelope, answer, includeUsage);
        } else {
            Responses.json(exchange, 200, completion(envelope, answer), Map.of());
        }
    }

    /** The fields every completion and chunk of one response share. */
    private record Envelope(String id, long created, String model) {

        ObjectNode start(String object) {
            ObjectNode node = Json.object();
            node.put("id", id).put("object", object).put("created", created).put("model", model);
            return node;
        }
    }

    private static ObjectNode completion(Envelope envelope, Turn.Answer answer) {
        ObjectNode message = Json.object().put("role", "assistant");
        if (answer.content() == null) {
            message.putNull("content");
        } else {
            message.put("content", answer.content());
        }
        if (!answer.calls().isEmpty()) {
            ArrayNode toolCalls = message.putArray("tool_calls");
            for (ToolCall call : answer.calls()) {
                ObjectNode toolCall = toolCalls.addObject().put("id", call.id()).put("type", "function");
                toolCall.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
        }
        ObjectNode completion = envelope.start("chat.completion");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason(answer));
        completion.set("usage", usage(answer.usage()));
        return completion;
    }

    private static void stream(HttpExchange exchange, Envelope envelope, Turn.Answer answer, boolean includeUsage)
            throws IOException {
        try (SseWriter sse = new SseWriter(exchange)) {
            ObjectNode role = Json.object().put("role", "assistant");
            if (answer.content() == null) {
                role.putNull("content");
            } else {
                role.put("content", "");
            }
            sse.data(chunk(envelope, role, null));
            if (answer.content() != null) {
                for (String piece : Pieces.of(answer.content())) {
                    sse.data(chunk(envelope, Json.object().put("content", piece), null));
                }
            }
            List<ToolCall> calls = answer.calls();
            for (int index = 0; index < calls.size(); index++) {
                streamToolCall(sse, envelope, index, calls.get(index));
            }
            sse.data(chunk(envelope, Json.object(), finishReason(answer)));
            if (includeUsage) {
                ObjectNode usageChunk = envelope.start("chat.completion.chunk");
                usageChunk.putArray("choices");
                usageChunk.set("usage", usage(answer.usage()));
                sse.data(usageChunk);
            }
            sse.data("[DONE]");
        }
    }

    /** The first delta names the call, the later ones carry the arguments piece by piece, all under one index. */
    private static void streamToolCall(SseWriter sse, Envelope envelope, int index, ToolCall call) throws IOException {
        ObjectNode first = Json.object().put("index", index).put("id", call.id()).put("type", "function");
        first.putObject("function").put("name", call.name()).put("arguments", "");
        sse.data(chunk(envelope, toolCallsDelta(first), null));
        for (String piece : Pieces.of(call.argumentsJson())) {
            ObjectNode next = Json.object().put("index", index);
            next.putObject("function").put("arguments", piece);
            sse.data(chunk(envelope, toolCallsDelta(next), null));
        }
    }

    private static ObjectNode toolCallsDelta(ObjectNode toolCall) {
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(toolCall);
        return delta;
    }

    private static ObjectNode chunk(Envelope envelope, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope.start("chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private static String finishReason(Turn.Answer answer) {
        return answer.calls().isEmpty() ? "stop" : "tool_calls";
    }

    private static ObjectNode usage(Turn.Usage usage) {
        return Json.object()
                .put("prompt_tokens", usage.inputTokens())
                .put("completion_tokens", usage.outputTokens())
                .put("total_tokens", usage.total());
    }
}

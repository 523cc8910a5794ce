package io.kubeclaw.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a text/event-stream response, flushing each event so clients see them as they come. */
final class SseWriter implements AutoCloseable {

    private final OutputStream out;

    SseWriter(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        this.out = exchange.getResponseBody();
    }

    /** An event with a name, as Anthropic sends them. */
    void event(String name, JsonNode data) throws IOException {
        write("event: " + name + "\ndata: " + Json.write(data) + "\n\n");
    }

    /** A nameless event, as OpenAI sends them. */
    void data(JsonNode data) throws IOException {
        data(Json.write(data));
    }

    void data(String text) throws IOException {
        write("data: " + text + "\n\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

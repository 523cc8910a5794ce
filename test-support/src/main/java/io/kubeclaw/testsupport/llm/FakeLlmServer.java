package io.kubeclaw.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** A loopback HTTP server answering OpenAI, Ollama, Azure OpenAI and Anthropic clients from a per-test script. */
public final class FakeLlmServer implements AutoCloseable {

    static final String NO_TURN_LEFT = "the fake LLM's script has no turn left for this request";

    private static final Pattern AZURE_CHAT = Pattern.compile("/openai/deployments/[^/]+/chat/completions");
    private static final ProviderWire OPENAI = new OpenAiWire();
    private static final ProviderWire AZURE = new AzureWire();
    private static final ProviderWire ANTHROPIC = new AnthropicWire();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Turn> script = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final AtomicLong answered = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeLlmServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeLlmServer start() {
        AtomicInteger threads = new AtomicInteger();
        // Cached, because every hanging turn holds a thread until close().
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-llm-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeLlmServer fake = new FakeLlmServer(server, executor);
            server.createContext("/", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the fake LLM server", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String openAiBaseUrl() {
        return baseUrl() + "/v1";
    }

    public String ollamaBaseUrl() {
        return baseUrl() + "/v1";
    }

    public String anthropicBaseUrl() {
        return baseUrl() + "/v1";
    }

    public String azureBaseUrl(String deployment) {
        return baseUrl() + "/openai/deployments/" + deployment;
    }

    public void script(Turn... turns) {
        synchronized (script) {
            script.addAll(List.of(turns));
        }
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public RecordedRequest awaitRequest(int index, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (requests.size() <= index) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the fake LLM got " + requests.size() + " request(s) within "
                            + timeout + ", not request #" + index);
                }
                try {
                    requests.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for request #" + index, e);
                }
            }
            return requests.get(index);
        }
    }

    @Override
    public void close() {
        // Release hanging turns first, so their threads end instead of outliving the server.
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            ProviderWire wire = wireFor(request.path());
            if (wire == null) {
                ObjectNode body = Json.object();
                body.putObject("error").put("code", "404").put("message", "the fake LLM serves no " + request.path());
                Responses.json(exchange, 404, body, Map.of());
                return;
            }
            if (!request.method().equals("POST")) {
                error(exchange, wire, 405, request.method() + " is not allowed, only POST", Map.of("Allow", "POST"));
                return;
            }
            Optional<ProviderWire.Rejection> rejection = wire.reject(request);
            if (rejection.isPresent()) {
                error(exchange, wire, rejection.get().status(), rejection.get().message(), Map.of());
                return;
            }
            JsonNode body;
            try {
                body = request.json();
            } catch (IllegalArgumentException e) {
                error(exchange, wire, 400, "the request body is " + e.getMessage(), Map.of());
                return;
            }
            Turn turn = nextTurn();
            switch (turn) {
                case null -> error(exchange, wire, 500, NO_TURN_LEFT, Map.of());
                case Turn.Error e -> error(exchange, wire, e.status(), e.message(), e.headers());
                case Turn.Hang h -> awaitClose();
                case Turn.Answer answer -> wire.answer(exchange, body, answer, answered.incrementAndGet());
            }
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
        synchronized (requests) {
            requests.add(request);
            requests.notifyAll();
        }
        return request;
    }

    private static ProviderWire wireFor(String path) {
        if (path.equals("/v1/chat/completions")) {
            return OPENAI;
        }
        if (path.equals("/v1/messages")) {
            return ANTHROPIC;
        }
        if (AZURE_CHAT.matcher(path).matches()) {
            return AZURE;
        }
        return null;
    }

    private Turn nextTurn() {
        synchronized (script) {
            return script.pollFirst();
        }
    }

    private static void error(HttpExchange exchange, ProviderWire wire, int status, String message,
            Map<String, String> headers) throws IOException {
        Responses.json(exchange, status, wire.errorBody(status, message), headers);
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

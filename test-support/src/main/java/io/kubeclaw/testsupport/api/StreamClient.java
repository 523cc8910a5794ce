package io.kubeclaw.testsupport.api;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of the KubeClaw WebSocket ({@code /ws}) as a console would be one: the JDK's WebSocket with a bearer
 * token (or none) and an Origin (or none), frames kept as JSON in arrival order. It reads as frames come, or, made
 * {@link #connectWithoutReading without reading}, only when told to, as a slow client would.
 */
public final class StreamClient implements AutoCloseable {

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WAIT = Duration.ofMinutes(1);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean reading;
    private volatile Closed closed;
    private volatile Throwable failure;
    private WebSocket socket;

    private StreamClient(boolean reading) {
        this.reading = reading;
    }

    /** Connects to {@code baseUrl}'s {@code /ws}; {@code token} and {@code origin} may be null. */
    public static StreamClient connect(String baseUrl, String token, String origin) {
        return open(baseUrl, token, origin, true);
    }

    /** Connects but reads nothing until {@link #read} or {@link #readAll}: the server's frames pile up on the way. */
    public static StreamClient connectWithoutReading(String baseUrl, String token) {
        return open(baseUrl, token, null, false);
    }

    private static StreamClient open(String baseUrl, String token, String origin, boolean reading) {
        StreamClient client = new StreamClient(reading);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws"), client.new Listener())
                .orTimeout(30, TimeUnit.SECONDS).join();
        return client;
    }

    /** Sends one message, such as {@code {"subscribe": "runs", "namespace": "team-a"}}. */
    public StreamClient send(String json) {
        socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
        return this;
    }

    /** The frames received so far, oldest first. */
    public List<JsonNode> frames() {
        return new ArrayList<>(frames);
    }

    /** The frames received so far of one type ({@code event}, {@code phase}, ...). */
    public List<JsonNode> frames(String type) {
        return frames.stream().filter(frame -> type.equals(frame.path("type").asText())).toList();
    }

    /** Waits for the first frame that matches. */
    public JsonNode awaitFrame(Predicate<JsonNode> matching) {
        return await().atMost(WAIT).until(() -> frames.stream().filter(matching).findFirst(), found -> found.isPresent()).orElseThrow();
    }

    /** Waits until {@code count} frames of {@code type} have come, and returns them. */
    public List<JsonNode> awaitFrames(String type, int count) {
        return await().atMost(WAIT).until(() -> frames(type), found -> found.size() >= count);
    }

    /** Lets {@code frames} more frames in (for a client made without reading). */
    public void read(long count) {
        socket.request(count);
    }

    /** Reads everything from now on. */
    public void readAll() {
        reading = true;
        socket.request(Long.MAX_VALUE);
    }

    /** Waits for the server to close the socket (reading all that is still on its way). */
    public Closed awaitClosed() {
        await().atMost(WAIT).until(() -> closed != null || failure != null);
        if (closed == null) {
            throw new IllegalStateException("the socket failed instead of closing", failure);
        }
        return closed;
    }

    /** How the server closed the socket, or null while it is open. */
    public Closed closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(10, TimeUnit.SECONDS).exceptionally(error -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            if (reading) {
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    try {
                        frames.add(JSON.readTree(partial.toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("not JSON: " + partial, e);
                    }
                    partial.setLength(0);
                }
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = new Closed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failure = error;
        }
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tiny client of the KubeClaw WebSocket for scripts and demos, run straight from source (no build):
 *   java scripts/tools/WsFollow.java ws://127.0.0.1:9080/ws "$TOKEN" 60 '{"subscribe":"runs","namespace":"kubeclaw-demo"}'
 * It sends each message given after the number of seconds, prints every frame it receives on a line of its own,
 * and exits when the time is up or the server closes the socket (exit code 1 on an error frame or an abnormal close).
 */
public class WsFollow {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java WsFollow.java <ws-url> <token> <seconds> [message ...]");
            System.exit(2);
        }
        CountDownLatch closed = new CountDownLatch(1);
        int[] exit = {0};
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + args[1])
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(args[0]), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String frame = partial.toString();
                            partial.setLength(0);
                            System.out.println(Instant.now() + " " + frame);
                            if (frame.contains("\"type\":\"error\"")) {
                                exit[0] = 1;
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        System.out.println(Instant.now() + " closed " + statusCode + " " + reason);
                        if (statusCode != WebSocket.NORMAL_CLOSURE) {
                            exit[0] = 1;
                        }
                        closed.countDown();
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        System.err.println("error: " + error);
                        exit[0] = 1;
                        closed.countDown();
                    }
                }).join();
        for (int i = 3; i < args.length; i++) {
            socket.sendText(args[i], true).join();
        }
        if (!closed.await(Long.parseLong(args[2]), TimeUnit.SECONDS)) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
        System.exit(exit[0]);
    }
}

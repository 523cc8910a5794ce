package io.kubeclaw.testsupport.liberty;

import static org.awaitility.Awaitility.await;

import io.kubeclaw.testsupport.process.FreePorts;
import io.kubeclaw.testsupport.process.HttpProbe;
import io.kubeclaw.testsupport.process.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The KubeClaw Liberty server built by the liberty module (target/liberty/wlp), started as its own
 * process with a private output directory and free ports, so several can run side by side.
 */
public final class LibertyServer implements AutoCloseable {

    public static final String SERVER_NAME = "kubeclaw";
    // A hang guard, not a timing check: on two cores busy with the other ITs' clusters a start took over 3 minutes.
    private static final Duration START_LIMIT = Duration.ofMinutes(6);

    private final ServerProcess process;
    private final int httpPort;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LibertyServer(ServerProcess process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** The wlp directory: the {@code kubeclaw.liberty.dir} system property, set by the liberty module's failsafe. */
    public static Path installation() {
        String dir = System.getProperty("kubeclaw.liberty.dir");
        if (dir == null || !Files.isExecutable(Path.of(dir, "bin", "server"))) {
            throw new IllegalStateException("no Liberty installation at " + dir + ": build it with `mvn package -pl liberty -am`");
        }
        return Path.of(dir);
    }

    /** Starts the server with {@code env} (MicroProfile Config and KUBECONFIG) and waits until it answers /health/live. */
    public static LibertyServer start(String name, Path outputDir, Map<String, String> env) {
        return start(name, outputDir, env, FreePorts.next());
    }

    /** As {@link #start(String, Path, Map)}, on a given HTTP port. */
    public static LibertyServer start(String name, Path outputDir, Map<String, String> env, int httpPort) {
        Path wlp = installation();
        Map<String, String> environment = new HashMap<>(env);
        environment.put("WLP_OUTPUT_DIR", outputDir.toString());
        environment.put("HTTP_PORT", String.valueOf(httpPort));
        // A caller that registers the admission webhook picks the HTTPS port itself, to put it in the webhook's URL.
        environment.putIfAbsent("HTTPS_PORT", String.valueOf(FreePorts.next()));
        // Test servers and the local stack listen on loopback only, HTTPS included.
        environment.putIfAbsent("HTTPS_HOST", "127.0.0.1");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String live = "http://127.0.0.1:" + httpPort + "/health/live";
        // Health answers before the application is deployed; the API answering 401 (it wants a token) means it is.
        String api = "http://127.0.0.1:" + httpPort + "/api/version";
        ServerProcess process = ServerProcess.start(name, List.of(wlp.resolve("bin/server").toString(), "run", SERVER_NAME),
                environment, outputDir.resolve("console.log"), START_LIMIT,
                () -> HttpProbe.status(HTTP, live, null) == 200 && HttpProbe.status(HTTP, api, null) == 401);
        return new LibertyServer(process, httpPort);
    }

    /**
     * The environment that has a server serve the admission webhook on {@code httpsPort} and register it with the
     * apiserver at that loopback URL (HTTPS_PORT must then be that port).
     */
    public static Map<String, String> webhookOn(int httpsPort) {
        return Map.of("HTTPS_PORT", String.valueOf(httpsPort), "KUBECLAW_WEBHOOK_URL", "https://127.0.0.1:" + httpsPort);
    }

    /** The environment that sets a server's leader-election timings (MicroProfile Config {@code kubeclaw.leader-election.*}). */
    public static Map<String, String> leaseTimings(Duration lease, Duration renewDeadline, Duration retryPeriod) {
        return Map.of("KUBECLAW_LEADER_ELECTION_LEASE_DURATION", lease.toString(),
                "KUBECLAW_LEADER_ELECTION_RENEW_DEADLINE", renewDeadline.toString(),
                "KUBECLAW_LEADER_ELECTION_RETRY_PERIOD", retryPeriod.toString());
    }

    /**
     * Waits until the server's readiness says it leads its lease with every informer synced. The API answers well
     * before that (in CI the operator started 35 s after it), so a test's first reconcile is only awaited from here.
     */
    public LibertyServer awaitLeading(Duration limit) {
        await(process + " ready and leading").atMost(limit).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            HttpResponse<String> ready = get("/health/ready");
            return ready.statusCode() == 200 && ready.body().contains("\"leader\":true");
        });
        return this;
    }

    /** GET {@code path} on this server; returns the status and body. */
    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " on " + process, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public ServerProcess process() {
        return process;
    }

    /** Kills the server at once, as a crashed pod. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}

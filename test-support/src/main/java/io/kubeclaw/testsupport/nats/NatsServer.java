package io.kubeclaw.testsupport.nats;

import io.kubeclaw.testsupport.process.FreePorts;
import io.kubeclaw.testsupport.process.HttpProbe;
import io.kubeclaw.testsupport.process.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A private NATS server with JetStream on file storage, from Debian's nats-server package. It can be
 * stopped and started again on the same port and store, as a NATS restart looks to its clients.
 */
public final class NatsServer implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final int monitorPort;
    private ServerProcess process;

    private NatsServer(Path dir, int port, int monitorPort) {
        this.dir = dir;
        this.port = port;
        this.monitorPort = monitorPort;
    }

    public static NatsServer start() {
        String binary = binary();
        try {
            NatsServer server = new NatsServer(Files.createTempDirectory("kubeclaw-nats-"), FreePorts.next(), FreePorts.next());
            server.launch(binary);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String binary() {
        for (String candidate : List.of("/usr/bin/nats-server", "/usr/local/bin/nats-server", "/usr/sbin/nats-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nats-server is not installed: run scripts/install-prerequisites.sh (apt-get install nats-server)");
    }

    private void launch(String binary) {
        HttpClient http = HttpClient.newHttpClient();
        String health = "http://127.0.0.1:" + monitorPort + "/healthz?js-enabled-only=true";
        process = ServerProcess.start("nats-server", List.of(binary, "-js", "-sd", dir.resolve("jetstream").toString(),
                        "-a", "127.0.0.1", "-p", String.valueOf(port), "-m", String.valueOf(monitorPort)),
                Map.of(), dir.resolve("nats.log"), LIMIT,
                () -> HttpProbe.status(http, health, null) == 200);
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Stops the server, keeping its store, to be started again with {@link #restart()}. */
    public void stop() {
        process.close();
    }

    public void restart() {
        if (process.isAlive()) {
            stop();
        }
        launch(binary());
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}

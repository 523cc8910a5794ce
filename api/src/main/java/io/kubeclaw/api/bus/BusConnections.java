package io.kubeclaw.api.bus;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;

/**
 * Connections to the event bus that never give up: a NATS that is down at start or restarts later is reconnected
 * to, and what JetStream stored meanwhile is still there.
 */
public final class BusConnections {

    /** The NATS client port. */
    public static final int DEFAULT_PORT = 4222;

    private BusConnections() {
    }

    /** Where the bus is inside the cluster when nothing says otherwise: the {@code nats} Service of {@code namespace}. */
    public static String inClusterUrl(String namespace, int port) {
        return "nats://nats." + namespace + ":" + port;
    }

    public static Options options(String url, String connectionName) {
        return Options.builder()
                .server(url)
                .connectionName(connectionName)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .connectionTimeout(Duration.ofSeconds(5))
                // Messages published while disconnected wait here and go out on reconnect (JetStream de-duplicates).
                .reconnectBufferSize(8L * 1024 * 1024)
                .build();
    }

    /** Connects, or keeps trying in the background when the bus is not reachable yet. */
    public static Connection connect(String url, String connectionName) throws IOException, InterruptedException {
        return Nats.connectReconnectOnConnect(options(url, connectionName));
    }

    /** Closes the connection (null is fine); an interrupt while draining is passed on, not swallowed. */
    public static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

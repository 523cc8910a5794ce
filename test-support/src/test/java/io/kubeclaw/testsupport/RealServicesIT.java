package io.kubeclaw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.testsupport.nats.NatsServer;
import io.kubeclaw.testsupport.postgres.PostgresServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PostgreSQL and NATS fixtures start real servers that real clients use, and stop them by pid. */
class RealServicesIT {

    @Test
    void postgresAcceptsJdbcAndStopsByPid() throws Exception {
        long pid;
        try (PostgresServer postgres = PostgresServer.start();
             java.sql.Connection jdbc = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "")) {
            pid = postgres.pid();
            try (var statement = jdbc.createStatement()) {
                statement.execute("create table runs (name text primary key)");
                statement.execute("insert into runs values ('r1')");
                var rows = statement.executeQuery("select count(*) from runs");
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void natsKeepsJetStreamMessagesAcrossARestart() throws Exception {
        try (NatsServer nats = NatsServer.start()) {
            Options options = new Options.Builder().server(nats.url()).maxReconnects(-1).reconnectWait(Duration.ofMillis(100)).build();
            try (Connection connection = Nats.connect(options)) {
                connection.jetStreamManagement().addStream(StreamConfiguration.builder()
                        .name("TEST").subjects("test.>").storageType(StorageType.File).build());
                JetStream jetStream = connection.jetStream();
                jetStream.publish("test.one", "before".getBytes(StandardCharsets.UTF_8));

                nats.restart();

                JetStreamSubscription subscription = jetStream.subscribe("test.>", PullSubscribeOptions.builder().durable("reader").build());
                List<Message> messages = subscription.fetch(1, Duration.ofSeconds(10));
                assertThat(messages).extracting(m -> new String(m.getData(), StandardCharsets.UTF_8)).containsExactly("before");
            }
        }
    }
}

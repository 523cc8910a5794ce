package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeclaw.api.bus.BusConnections;
import io.kubeclaw.api.bus.EventStreams;
import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.bus.EventSubjects.RunTopic;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.events.RunEvent;
import io.kubeclaw.testsupport.nats.NatsServer;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Run-event feeds against a real NATS JetStream: replay from an id, live events, namespace isolation, outages. */
class RunEventBusIT {

    private NatsServer server;
    private Connection publisher;
    private RunEventBus bus;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    /** The frames one client would get, as they come. */
    private static final class Client implements FrameSink {
        final List<Frame> frames = new CopyOnWriteArrayList<>();

        @Override
        public void send(Frame frame) {
            frames.add(frame);
        }

        @Override
        public void ended(Topic topic, String reason) {
            frames.add(Frame.ended(topic, reason));
        }

        List<String> events() {
            return frames.stream().filter(frame -> frame.type().equals(Frame.EVENT))
                    .map(frame -> frame.id() + ":" + frame.name() + ":" + frame.data().at("/payload/message").asText()).toList();
        }

        List<String> notices() {
            return frames.stream().filter(frame -> !frame.type().equals(Frame.EVENT)).map(frame -> frame.type() + " " + frame.data()).toList();
        }
    }

    @BeforeEach
    void startBus() throws Exception {
        server = NatsServer.start();
        publisher = BusConnections.connect(server.url(), "run-event-bus-it");
        EventStreams.ensure(publisher.jetStreamManagement());
        bus = new RunEventBus(server.url(), scheduler);
    }

    @AfterEach
    void stopBus() throws Exception {
        bus.close();
        publisher.close();
        server.close();
        scheduler.shutdownNow();
    }

    @Test
    void aSubscriberGetsWhatItMissedAfterItsLastIdThenLiveEventsOfItsNamespaceOnly() throws Exception {
        long first = publish("team-a", "r1", "one");
        publish("team-b", "r9", "elsewhere");
        publish("team-a", "r2", "two");
        long third = publish("team-a", "r1", "three");

        Client client = new Client();
        bus.follow(Topic.runs("team-a"), first, client);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() == 2);
        long fourth = publish("team-a", "r1", "four");
        publish("team-b", "r9", "still elsewhere");

        await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() == 3);
        assertThat(client.events()).containsExactly((first + 2) + ":r2:two", third + ":r1:three", fourth + ":r1:four");
        assertThat(client.frames.getFirst().toJson()).isEqualTo("{\"type\":\"subscribed\",\"namespace\":\"team-a\",\"data\":"
                + "{\"subscribe\":\"runs\",\"after\":\"" + first + "\"}}");
    }

    @Test
    void withoutAnIdEventsStartWithTheNextOnePublished() throws Exception {
        long old = publish("team-a", "r1", "old");

        Client client = new Client();
        bus.follow(Topic.runs("team-a"), null, client);
        long fresh = publish("team-a", "r1", "fresh");

        await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() == 1);
        assertThat(client.events()).containsExactly(fresh + ":r1:fresh");
        assertThat(client.frames.getFirst().data().get("after").asText()).isEqualTo(Long.toString(old));
    }

    @Test
    void whenTheBusGoesAwayTheClientIsToldAndEventsContinueWhereTheyStoppedOnceItIsBack() throws Exception {
        Client client = new Client();
        bus.follow(Topic.runs("team-a"), null, client);
        long before = publish("team-a", "r1", "before");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() == 1);

        server.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.notices().size() == 2);
        assertThat(client.notices().get(1)).isEqualTo("error {\"subscribe\":\"runs\",\"message\":\"run events are unavailable: the event bus at "
                + server.url() + " was disconnected; phase changes still stream, and run events follow from where they stopped once it is back\"}");

        server.restart();
        long after = publish("team-a", "r1", "after");
        await().atMost(Duration.ofSeconds(30)).until(() -> client.events().size() == 2);
        assertThat(client.events()).containsExactly(before + ":r1:before", after + ":r1:after");
        assertThat(client.notices().get(2)).isEqualTo("subscribed {\"subscribe\":\"runs\",\"after\":\"" + before + "\",\"resumed\":true}");
    }

    @Test
    void aMissingStreamIsReportedAndTheFeedStartsOnceItExists() throws Exception {
        publisher.jetStreamManagement().deleteStream(EventStreams.RUNS);

        Client client = new Client();
        bus.follow(Topic.runs("team-a"), null, client);
        assertThat(client.notices()).containsExactly("subscribed {\"subscribe\":\"runs\"}",
                "error {\"subscribe\":\"runs\",\"message\":\"run events are unavailable: the event bus at " + server.url() + " has no "
                        + "KUBECLAW_RUNS stream yet (the leading controller creates it); phase changes still stream, and run events follow "
                        + "from where they stopped once it is back\"}");

        EventStreams.ensure(publisher.jetStreamManagement());
        await().atMost(RunEventBus.RETRY.multipliedBy(3)).until(() -> client.notices().size() == 3);
        long first = publish("team-a", "r1", "first");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() == 1);
        assertThat(client.events()).containsExactly(first + ":r1:first");
    }

    @Test
    void aStoppedFeedDeliversNothingMore() throws Exception {
        Client client = new Client();
        RunEventFeed feed = bus.follow(Topic.runs("team-a"), null, client);
        publish("team-a", "r1", "one");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() == 1);

        bus.stop(feed);
        publish("team-a", "r1", "two");
        Client witness = new Client();
        bus.follow(Topic.runs("team-a"), 0L, witness);
        await().atMost(Duration.ofSeconds(10)).until(() -> witness.events().size() == 2);

        assertThat(client.events()).hasSize(1);
    }

    private long publish(String namespace, String run, String message) throws Exception {
        byte[] payload = EventJson.write(RunEvent.of("model-turn", message, Instant.now())).getBytes(StandardCharsets.UTF_8);
        return publisher.jetStream().publish(EventSubjects.run(namespace, "sre", run, RunTopic.EVENT), payload).getSeqno();
    }
}

package io.kubeclaw.liberty;

import static io.kubeclaw.liberty.AgentRunIT.awaitStreams;
import static io.kubeclaw.liberty.AgentRunIT.kubectl;
import static io.kubeclaw.liberty.AgentRunIT.podOf;
import static io.kubeclaw.liberty.AgentRunIT.readyNamespace;
import static io.kubeclaw.liberty.RestApiIT.serviceAccountWithKubeClawRights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeclaw.api.bus.BusConnections;
import io.kubeclaw.api.bus.EventStreams;
import io.kubeclaw.api.bus.EventSubjects.RunTopic;
import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.events.RunEvent;
import io.kubeclaw.testsupport.api.ApiClient;
import io.kubeclaw.testsupport.api.StreamClient.Closed;
import io.kubeclaw.testsupport.api.StreamClient;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.kube.FakeKubelet;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket API in a real Liberty against the real apiserver and NATS: who may connect and follow what, run
 * phases, resources and logs as they change, run events resumed after the last id, and a slow client dropped.
 */
class WebSocketIT {

    private static KubeControlPlane kube;
    private static String baseUrl;

    @BeforeAll
    static void startServer() {
        AgentRunIT.startServer();
        kube = KubeControlPlane.cluster();
        baseUrl = ControlPlaneServers.shared().baseUrl();
    }

    @Test
    void aSocketWithoutAnAcceptedTokenOrFromAnUnlistedOriginIsClosedSayingWhy() {
        String token = serviceAccountWithKubeClawRights(readyNamespace("ws-authn"), "viewer");

        try (StreamClient anonymous = StreamClient.connect(baseUrl, null, null)) {
            assertThat(anonymous.awaitClosed()).isEqualTo(new Closed(1008, "no bearer token"));
            assertThat(message(anonymous.frames().getFirst())).startsWith("no bearer token: send a Kubernetes bearer token").contains("kubectl create token");
        }
        try (StreamClient forged = StreamClient.connect(baseUrl, "not-a-token", null)) {
            assertThat(forged.awaitClosed().code()).isEqualTo(1008);
            assertThat(forged.closed().reason()).startsWith("the Kubernetes API server did not accept the token");
            assertThat(message(forged.frames().getFirst())).startsWith("the Kubernetes API server did not accept the token");
        }
        try (StreamClient crossSite = StreamClient.connect(baseUrl, token, "https://evil.example")) {
            assertThat(crossSite.awaitClosed()).isEqualTo(new Closed(1008, "origin \"https://evil.example\" is not in kubeclaw.api.allowed-origins"));
            assertThat(message(crossSite.frames().getFirst())).contains("KUBECLAW_API_ALLOWED_ORIGINS");
        }
    }

    @Test
    void aCallerFollowsPhasesResourcesAndLogsInItsNamespaceAndIsToldWhatItMayNotFollow() {
        String mine = readyNamespace("ws-a");
        String theirs = readyNamespace("ws-b");
        String token = serviceAccountWithKubeClawRights(mine, "watcher");
        kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), mine).orThrow("instance");

        try (StreamClient ws = StreamClient.connect(baseUrl, token, null)) {
            ws.send(subscribeRuns(mine, null))
                    .send("{\"subscribe\":\"resources\",\"namespace\":\"" + mine + "\",\"kind\":\"runs\"}")
                    .send(subscribeRuns(theirs, null));

            JsonNode refused = ws.awaitFrame(frame -> frame.path("type").asText().equals("error"));
            assertThat(refused.path("namespace").asText() + " " + refused.at("/data/subscribe").asText()).isEqualTo(theirs + " runs");
            assertThat(message(refused)).isEqualTo("user \"system:serviceaccount:" + mine + ":watcher\" may not list agentruns.kubeclaw.io in namespace \""
                    + theirs + "\": kubectl auth can-i shows the same answer; ask for a Role that grants it");
            ws.awaitFrames("subscribed", 2);
            assertThat(ws.awaitFrame(frame -> frame.path("type").asText().equals("resources")).at("/data/items")).isEmpty();
            assertThat(ws.awaitFrame(frame -> frame.path("type").asText().equals("phases")).at("/data/phases")).isEmpty();

            String run = ApiClient.withToken(baseUrl, token).post("/api/namespaces/" + mine + "/runs", "{\"instance\":\"sre\",\"task\":\"why?\"}")
                    .json().at("/metadata/name").asText();
            JsonNode added = ws.awaitFrame(frame -> frame.path("type").asText().equals("resource") && frame.path("name").asText().equals(run));
            assertThat(added.at("/data/action").asText() + " " + added.at("/data/object/spec/task").asText()).isEqualTo("added why?");
            ws.awaitFrame(frame -> frame.path("type").asText().equals("phase") && frame.path("name").asText().equals(run)
                    && frame.at("/data/phase").asText().equals("Running"));

            String pod = podOf(mine, run).getMetadata().getName();
            new FakeKubelet(kube.client(), Path.of("target", "fake-kubelet").toAbsolutePath()).serveLog(mine, pod, "agent", "thinking...\nchecking pods\n");
            String logs = "{\"subscribe\":\"logs\",\"namespace\":\"" + mine + "\",\"run\":\"" + run + "\"}";
            ws.send(logs);
            assertThat(ws.awaitFrames("log", 2)).extracting(frame -> frame.at("/data/line").asText()).containsExactly("thinking...", "checking pods");
            ws.send(logs.replace("\"subscribe\"", "\"unsubscribe\""));
            ws.awaitFrame(frame -> frame.path("type").asText().equals("unsubscribed"));
            assertThat(ws.closed()).as("refused subscriptions leave the socket open").isNull();
        }
    }

    @Test
    void aClientThatReconnectsWithItsLastIdGetsExactlyTheRunEventsItMissed() throws Exception {
        String ns = readyNamespace("ws-resume");
        String token = serviceAccountWithKubeClawRights(ns, "console");
        try (Connection nats = BusConnections.connect(ControlPlaneServers.bus().url(), "websocket-it")) {
            awaitStreams(nats);
            long lastSeen;
            try (StreamClient ws = StreamClient.connect(baseUrl, token, null)) {
                ws.send(subscribeRuns(ns, null)).awaitFrames("subscribed", 1);
                publish(nats, ns, "one");
                publish(nats, ns, "two");
                publish(nats, ns, "three");
                List<JsonNode> events = ws.awaitFrames("event", 3);
                assertThat(events).extracting(WebSocketIT::eventMessage).containsExactly("one", "two", "three");
                lastSeen = events.getLast().path("id").asLong();
            }
            long four = publish(nats, ns, "four");
            publish(nats, ns + "-elsewhere", "not for this client");
            long five = publish(nats, ns, "five");

            try (StreamClient ws = StreamClient.connect(baseUrl, token, null)) {
                ws.send(subscribeRuns(ns, lastSeen));
                assertThat(ws.awaitFrames("subscribed", 1).getFirst().at("/data/after").asText()).isEqualTo(Long.toString(lastSeen));
                long six = publish(nats, ns, "six");
                List<JsonNode> events = ws.awaitFrames("event", 3);
                assertThat(events).extracting(event -> event.path("id").asLong() + " " + eventMessage(event))
                        .containsExactly(four + " four", five + " five", six + " six");
                assertThat(events.getFirst().path("name").asText() + " " + events.getFirst().at("/data/instance").asText() + " "
                        + events.getFirst().at("/data/topic").asText()).isEqualTo("r1 sre event");
            }
        }
    }

    @Test
    void aClientThatDoesNotReadIsDroppedWith1013AndToldWhereToResumeWithoutLosingAnEvent() throws Exception {
        String ns = readyNamespace("ws-slow");
        String token = serviceAccountWithKubeClawRights(ns, "laggard");
        int published = 800;
        try (Connection nats = BusConnections.connect(ControlPlaneServers.bus().url(), "websocket-it");
             StreamClient ws = StreamClient.connectWithoutReading(baseUrl, token)) {
            awaitStreams(nats);
            ws.send(subscribeRuns(ns, null)).read(1);
            ws.awaitFrames("subscribed", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> hasConsumer(nats, ns));

            // 50 MiB of events: more than the socket buffers plus the server's queue for one client (16 MiB) hold.
            byte[] payload = EventJson.write(RunEvent.of("model-turn", "x".repeat(64 * 1024), Instant.now())).getBytes(StandardCharsets.UTF_8);
            // One at a time with a patient ack timeout: 800 async acks outstanding outlast jnats's fixed 5 s on a busy machine.
            JetStream jetStream = nats.jetStream(JetStreamOptions.builder().requestTimeout(Duration.ofSeconds(60)).build());
            List<Long> sequences = new ArrayList<>();
            for (int i = 0; i < published; i++) {
                sequences.add(jetStream.publish(EventSubjects.run(ns, "sre", "r1", RunTopic.EVENT), payload).getSeqno());
            }
            // The server stops the client's consumer when it drops the client; only then does the client start reading.
            await().atMost(Duration.ofMinutes(1)).until(() -> !hasConsumer(nats, ns));
            ws.readAll();

            Closed closed = ws.awaitClosed();
            assertThat(closed.code()).isEqualTo(1013);
            assertThat(closed.reason()).matches("client too slow: \\d+ frames \\(\\d+ KiB\\) queued; reconnect with after=\\d+");
            long resumeAfter = Long.parseLong(closed.reason().replaceFirst(".*after=", ""));
            List<Long> received = ws.frames("event").stream().map(event -> event.path("id").asLong()).toList();
            assertThat(received.size()).isLessThan(published);
            // Everything up to the resume point reached the client, and at most the one frame on its way went beyond it.
            assertThat(received.stream().filter(id -> id <= resumeAfter).toList())
                    .isEqualTo(sequences.stream().filter(id -> id <= resumeAfter).toList());
            assertThat(received.stream().filter(id -> id > resumeAfter).count()).isLessThanOrEqualTo(1);
        }
    }

    /** Whether the server consumes the namespace's run events for a client, as the event bus sees it. */
    private static boolean hasConsumer(Connection nats, String ns) throws Exception {
        return nats.jetStreamManagement().getConsumers(EventStreams.RUNS).stream()
                .anyMatch(consumer -> EventSubjects.runsInNamespace(ns).equals(consumer.getConsumerConfiguration().getFilterSubject()));
    }

    private static String subscribeRuns(String ns, Long after) {
        return "{\"subscribe\":\"runs\",\"namespace\":\"" + ns + "\"" + (after == null ? "" : ",\"after\":\"" + after + "\"") + "}";
    }

    private static long publish(Connection nats, String ns, String message) throws Exception {
        byte[] payload = EventJson.write(RunEvent.of("model-turn", message, Instant.now())).getBytes(StandardCharsets.UTF_8);
        return nats.jetStream().publish(EventSubjects.run(ns, "sre", "r1", RunTopic.EVENT), payload).getSeqno();
    }

    private static String eventMessage(JsonNode event) {
        return event.at("/data/payload/message").asText();
    }

    private static String message(JsonNode frame) {
        return frame.at("/data/message").asText();
    }
}

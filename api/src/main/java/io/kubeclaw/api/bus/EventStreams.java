package io.kubeclaw.api.bus;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The JetStream streams behind {@link EventSubjects}, on file storage with age and size limits, and the named
 * durable consumers that read them. Durable consumers keep their position on the server, so a restart of the
 * consumer or of NATS loses nothing (KubeClaw's ephemeral subscriptions died with a NATS restart).
 */
public final class EventStreams {

    /** Run events, tool calls, results and inbound messages. */
    public static final String RUNS = "KUBECLAW_RUNS";
    /** Chat messages in and out. */
    public static final String CHANNELS = "KUBECLAW_CHANNELS";
    /** Requests to the control plane, such as schedule_task. */
    public static final String REQUESTS = "KUBECLAW_REQUESTS";

    /** The control plane's consumer of run results. */
    public static final String CONTROLLER_RESULTS = "controller-results";
    /** The control plane's consumer of runs' schedule_task requests. */
    public static final String CONTROLLER_SCHEDULE_REQUESTS = "controller-schedule-requests";

    /**
     * How long a re-published message (same message ID) is recognised as a duplicate: longer than a bridge or NATS
     * restart takes, so a file published again after one is stored once.
     */
    public static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

    /** Size and age limits of one stream; the oldest messages go first when a limit is reached. */
    public record Limits(Duration maxAge, long maxBytes) {
        public static final Limits RUNS_DEFAULT = new Limits(Duration.ofDays(7), 1L << 30);
        public static final Limits CHANNELS_DEFAULT = new Limits(Duration.ofDays(7), 256L << 20);
        public static final Limits REQUESTS_DEFAULT = new Limits(Duration.ofDays(1), 64L << 20);
    }

    private EventStreams() {
    }

    /** The streams with their default limits. */
    public static List<StreamConfiguration> defaults() {
        return List.of(
                stream(RUNS, List.of(EventSubjects.ROOT + ".*.*.run.>"), Limits.RUNS_DEFAULT),
                stream(CHANNELS, List.of(EventSubjects.ROOT + ".*.*.channel.>"), Limits.CHANNELS_DEFAULT),
                stream(REQUESTS, List.of(EventSubjects.ROOT + ".*.*.schedule.>"), Limits.REQUESTS_DEFAULT));
    }

    static StreamConfiguration stream(String name, List<String> subjects, Limits limits) {
        return StreamConfiguration.builder()
                .name(name)
                .subjects(subjects)
                .storageType(StorageType.File)
                .maxAge(limits.maxAge())
                .maxBytes(limits.maxBytes())
                .discardPolicy(DiscardPolicy.Old)
                .duplicateWindow(DUPLICATE_WINDOW)
                .build();
    }

    /** Creates the streams, or brings their limits up to date; safe to call on every start. */
    public static void ensure(JetStreamManagement jsm) throws IOException, JetStreamApiException {
        for (StreamConfiguration desired : defaults()) {
            if (jsm.getStreamNames().contains(desired.getName())) {
                jsm.updateStream(desired);
            } else {
                jsm.addStream(desired);
            }
        }
    }

    /** The control plane's durable consumer of every run's result; a result is redelivered until acknowledged. */
    public static ConsumerConfiguration controllerResults(Duration ackWait) {
        return durable(CONTROLLER_RESULTS, EventSubjects.allRunResults(), ackWait).build();
    }

    /** The control plane's durable consumer of schedule requests; a failed request is redelivered after {@code ackWait}. */
    public static ConsumerConfiguration controllerScheduleRequests(Duration ackWait) {
        return durable(CONTROLLER_SCHEDULE_REQUESTS, EventSubjects.allScheduleRequests(), ackWait).build();
    }

    /**
     * The IPC bridge's durable consumer of one run's inbound subject. It is removed by the server once the run is
     * long gone, so per-run consumers do not pile up.
     */
    public static ConsumerConfiguration runInbound(String namespace, String instance, String run) {
        return durable(runInboundName(namespace, run), EventSubjects.run(namespace, instance, run, EventSubjects.RunTopic.INBOUND),
                Duration.ofSeconds(30))
                .inactiveThreshold(Duration.ofHours(1))
                .build();
    }

    /** A named durable consumer from the stream's start, each message acknowledged explicitly. */
    private static ConsumerConfiguration.Builder durable(String name, String filterSubject, Duration ackWait) {
        return ConsumerConfiguration.builder()
                .durable(name)
                .filterSubject(filterSubject)
                .deliverPolicy(DeliverPolicy.All)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(ackWait);
    }

    /**
     * Consumer names may not hold dots: the run's subject tokens joined by a double underscore, which no token
     * holds (a name's dots never touch each other), so no two runs share a consumer.
     */
    static String runInboundName(String namespace, String run) {
        return "run__" + EventSubjects.token(namespace) + "__" + EventSubjects.token(run);
    }
}

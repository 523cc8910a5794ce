package io.kubeclaw.controllers.bus;

import io.kubeclaw.api.bus.EventStreams;
import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.events.RunResult;
import io.nats.client.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Run results from the event bus, through the control plane's named durable consumer. A result is acknowledged only
 * when the AgentRun controller takes it, so one that arrives while this replica dies is redelivered to the next
 * leader; the pod log's marker line is the fallback when no event came.
 */
public final class RunResultInbox {

    private static final Logger LOG = Logger.getLogger(RunResultInbox.class.getName());
    /** Longer than a run's results usually wait to be taken; redelivery after it is harmless (same run, same result). */
    static final Duration ACK_WAIT = Duration.ofMinutes(2);
    /** Results of runs that were deleted meanwhile are dropped after this. */
    static final Duration KEEP = Duration.ofHours(1);

    /** A result waiting for its run's controller. */
    record Delivered(RunResult result, String runUid, Message message, Instant at) {
    }

    private final Map<String, Delivered> waiting = new ConcurrentHashMap<>();
    private final Clock clock;

    public RunResultInbox(Clock clock) {
        this.clock = clock;
    }

    /** The control plane's durable consumer of every run's result, delivering here. */
    public ControlPlaneBus.Subscription subscription() {
        return new ControlPlaneBus.Subscription(EventStreams.RUNS, EventStreams.controllerResults(ACK_WAIT), this::receive, this::handBack);
    }

    /** The reported result of run {@code namespace/name} with {@code uid}, acknowledged now that it is taken. */
    public Optional<RunResult> take(String namespace, String name, String uid) {
        Delivered delivered = waiting.remove(key(namespace, name));
        if (delivered == null) {
            return Optional.empty();
        }
        delivered.message().ack();
        if (uid != null && delivered.runUid() != null && !uid.equals(delivered.runUid())) {
            LOG.info(() -> "dropped a result for an earlier run named " + namespace + "/" + name);
            return Optional.empty();
        }
        return Optional.of(delivered.result());
    }

    void receive(Message message) {
        EventSubjects.RunSubject subject = EventSubjects.parseRun(message.getSubject());
        Optional<RunResult> result = RunResult.fromJson(new String(message.getData(), java.nio.charset.StandardCharsets.UTF_8));
        if (subject == null || result.isEmpty()) {
            LOG.warning(() -> "dropped an unreadable run result on " + message.getSubject());
            message.term();
            return;
        }
        waiting.put(key(subject.namespace(), subject.run()), new Delivered(result.get(), runUid(message), message, clock.instant()));
        dropStale();
    }

    /** The bridge names each message {@code <run uid>/<event file>}. */
    private static String runUid(Message message) {
        String id = message.getHeaders() == null ? null : message.getHeaders().getFirst("Nats-Msg-Id");
        return id == null || id.indexOf('/') < 0 ? null : id.substring(0, id.indexOf('/'));
    }

    private void dropStale() {
        Instant cutoff = clock.instant().minus(KEEP);
        waiting.entrySet().removeIf(entry -> {
            boolean stale = entry.getValue().at().isBefore(cutoff);
            if (stale) {
                entry.getValue().message().ack();
            }
            return stale;
        });
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** Results not yet taken go back to the stream at once, for the next leader. */
    void handBack() {
        waiting.values().forEach(delivered -> delivered.message().nak());
        waiting.clear();
    }
}

package io.kubeclaw.rest.stream;

import io.kubeclaw.api.bus.EventStreams;
import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.rest.problem.RootCause;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.StreamContext;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StreamState;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscriber's run events of one namespace: an ordered consumer of the KUBECLAW_RUNS stream, filtered to the
 * namespace, from the event after the one the client last had, then live. It can be stopped and started again
 * (the bus went away and came back) and continues where it stopped; an event is never handed on twice.
 */
final class RunEventFeed {

    private static final long UNKNOWN = -1;
    /** JetStream's error code for a stream that does not exist. */
    private static final int STREAM_NOT_FOUND = 10059;

    private final Topic topic;
    private final Long requestedAfter;
    private final FrameSink sink;
    private final String busUrl;
    /** The stream sequence of the last event handed to the sink; UNKNOWN until the feed first started. */
    private final AtomicLong lastDelivered = new AtomicLong(UNKNOWN);

    private Connection nats;
    private MessageConsumer consumer;
    private boolean announced;
    private String problem;
    private volatile boolean stopped;

    RunEventFeed(Topic topic, Long requestedAfter, FrameSink sink, String busUrl) {
        this.topic = topic;
        this.requestedAfter = requestedAfter;
        this.sink = sink;
        this.busUrl = busUrl;
        if (requestedAfter != null) {
            lastDelivered.set(requestedAfter);
        }
    }

    /**
     * Starts consuming unless it already is. The first start announces the subscription with the id events follow
     * ({@code after}); a start after an outage announces it again. When it cannot start, the client is told why.
     */
    synchronized void start(Connection nats) {
        if (stopped || consumer != null) {
            return;
        }
        this.nats = nats;
        try {
            if (nats == null || nats.getStatus() != Connection.Status.CONNECTED) {
                unavailable("cannot be reached");
                return;
            }
            StreamContext stream = nats.getStreamContext(EventStreams.RUNS);
            StreamState state = stream.getStreamInfo().getStreamState();
            // Without an id to resume from, events start with the next one published.
            lastDelivered.compareAndSet(UNKNOWN, state.getLastSequence());
            long after = lastDelivered.get();
            Frame subscribed = Frame.subscribed(topic);
            subscribed.data().put("after", Long.toString(after));
            if (announced) {
                subscribed.data().put("resumed", true);
            } else if (requestedAfter != null && state.getMsgCount() > 0 && state.getFirstSequence() > after + 1) {
                subscribed.data().put("missed", "events " + (after + 1) + " to " + (state.getFirstSequence() - 1)
                        + " are no longer kept by the event bus (" + EventStreams.RUNS + " keeps them for a limited time and size)");
            }
            sink.send(subscribed);
            announced = true;
            problem = null;
            consumer = stream.createOrderedConsumer(new OrderedConsumerConfiguration()
                    .filterSubject(EventSubjects.runsInNamespace(topic.namespace()))
                    .deliverPolicy(DeliverPolicy.ByStartSequence)
                    .startSequence(after + 1)).consume(this::deliver);
        } catch (JetStreamApiException e) {
            unavailable(e.getApiErrorCode() == STREAM_NOT_FOUND
                    ? "has no " + EventStreams.RUNS + " stream yet (the leading controller creates it)"
                    : "refused the consumer (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            unavailable("failed (" + RootCause.message(e) + ")");
        }
    }

    /** Stops consuming because the connection to the bus was lost; {@link #start} continues after the last event delivered. */
    synchronized void pause() {
        if (!stopped) {
            unavailable("was disconnected");
        }
    }

    synchronized void stop() {
        stopped = true;
        String name = consumer == null ? null : consumer.getConsumerName();
        stopConsumer();
        // Ephemeral consumers would go by themselves once idle; deleting frees the server at once.
        if (name != null && nats.getStatus() == Connection.Status.CONNECTED) {
            try {
                nats.jetStreamManagement().deleteConsumer(EventStreams.RUNS, name);
            } catch (IOException | JetStreamApiException e) {
                // Already gone, or the bus is: the server drops it when idle.
            }
        }
    }

    synchronized boolean waiting() {
        return !stopped && consumer == null;
    }

    String namespace() {
        return topic.namespace();
    }

    private void deliver(Message message) {
        long sequence = message.metaData().streamSequence();
        // A consumer stopped for an outage may still hand over a message its successor delivers too.
        if (stopped || lastDelivered.getAndAccumulate(sequence, Math::max) >= sequence) {
            return;
        }
        RunEventFrames.of(sequence, message.getSubject(), message.getData()).ifPresent(sink::send);
    }

    private void unavailable(String why) {
        stopConsumer();
        if (!announced) {
            sink.send(Frame.subscribed(topic));
            announced = true;
        }
        String message = "run events are unavailable: the event bus at " + busUrl + " " + why
                + "; phase changes still stream, and run events follow from where they stopped once it is back";
        if (!message.equals(problem)) {
            problem = message;
            sink.send(Frame.error(topic, message));
        }
    }

    private void stopConsumer() {
        if (consumer != null) {
            try {
                consumer.close();
            } catch (Exception e) {
                // Stopping only fails on a connection that is already gone, which ends the consumer anyway.
            }
            consumer = null;
        }
    }
}

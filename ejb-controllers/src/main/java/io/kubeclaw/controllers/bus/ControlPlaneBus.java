package io.kubeclaw.controllers.bus;

import io.kubeclaw.api.bus.BusConnections;
import io.kubeclaw.api.bus.EventStreams;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.MessageConsumer;
import io.nats.client.MessageHandler;
import io.nats.client.api.ConsumerConfiguration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The control plane's side of the event bus: one connection, the streams, and a named durable consumer per kind of
 * message it acts on. Only the leader starts it, so no message is split between replicas; {@link #start()} is
 * retried by the caller while NATS cannot be reached, and failures are logged once per new problem.
 */
public final class ControlPlaneBus implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControlPlaneBus.class.getName());

    /** A durable consumer and what handles its messages. */
    public record Subscription(String stream, ConsumerConfiguration consumer, MessageHandler handler, Runnable onStop) {
    }

    private final String url;
    private final List<Subscription> subscriptions;
    private final List<MessageConsumer> consumers = new ArrayList<>();
    private Connection nats;
    private String lastProblem;

    public ControlPlaneBus(String url, List<Subscription> subscriptions) {
        this.url = url;
        this.subscriptions = List.copyOf(subscriptions);
    }

    /** Connects, ensures the streams and starts every consumer; false while the bus cannot be reached. */
    public synchronized boolean start() {
        if (receiving()) {
            return true;
        }
        try {
            if (nats == null) {
                nats = BusConnections.connect(url, "kubeclaw-controller");
            }
            if (nats.getStatus() != Connection.Status.CONNECTED) {
                return problem("the event bus at " + url + " is not reachable yet");
            }
            EventStreams.ensure(nats.jetStreamManagement());
            for (Subscription subscription : subscriptions) {
                nats.jetStreamManagement().addOrUpdateConsumer(subscription.stream(), subscription.consumer());
                consumers.add(nats.jetStream().getConsumerContext(subscription.stream(), subscription.consumer().getDurable())
                        .consume(subscription.handler()));
            }
            LOG.info(() -> "consuming " + subscriptions.stream().map(s -> s.consumer().getDurable()).toList() + " from " + url);
            lastProblem = null;
            return true;
        } catch (IOException | JetStreamApiException e) {
            stopConsumers();
            return problem("cannot consume from the event bus at " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public synchronized boolean receiving() {
        return consumers.size() == subscriptions.size() && !consumers.isEmpty();
    }

    private void stopConsumers() {
        consumers.forEach(MessageConsumer::stop);
        consumers.clear();
    }

    private boolean problem(String message) {
        if (!message.equals(lastProblem)) {
            LOG.warning(message + "; retrying (run results are read from pod logs meanwhile)");
            lastProblem = message;
        }
        return false;
    }

    /** Stops consuming; each subscription hands back what it holds, for the next leader. */
    @Override
    public synchronized void close() {
        stopConsumers();
        subscriptions.forEach(subscription -> subscription.onStop().run());
        BusConnections.close(nats);
        nats = null;
    }
}

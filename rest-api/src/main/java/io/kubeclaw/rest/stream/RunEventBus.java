package io.kubeclaw.rest.stream;

import io.kubeclaw.api.bus.BusConnections;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The API's connection to the event bus for run-event subscriptions, made on first use and kept reconnecting. A
 * subscription whose feed cannot run (the bus is down, its stream is missing) keeps the socket open: the client is
 * told, and the feed is started again when the connection comes back or, at the latest, within {@link #RETRY}.
 */
final class RunEventBus implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunEventBus.class.getName());
    static final Duration RETRY = Duration.ofSeconds(5);

    private final String url;
    private final ScheduledExecutorService scheduler;
    private final Set<RunEventFeed> feeds = ConcurrentHashMap.newKeySet();
    private Connection nats;
    private ScheduledFuture<?> retries;
    private boolean closed;

    RunEventBus(String url, ScheduledExecutorService scheduler) {
        this.url = url;
        this.scheduler = scheduler;
    }

    /** Starts following the run events of {@code topic}'s namespace after {@code after} (null: from now). */
    RunEventFeed follow(Topic topic, Long after, FrameSink sink) {
        RunEventFeed feed = new RunEventFeed(topic, after, sink, url);
        feeds.add(feed);
        feed.start(connection());
        return feed;
    }

    void stop(RunEventFeed feed) {
        feeds.remove(feed);
        feed.stop();
    }

    private synchronized Connection connection() {
        if (nats == null && !closed) {
            try {
                Options options = new Options.Builder(BusConnections.options(url, "kubeclaw-api")).connectionListener(this::connectionEvent).build();
                nats = Nats.connectReconnectOnConnect(options);
            } catch (IOException e) {
                LOG.warning("cannot connect to the event bus at " + url + " for run-event subscriptions: " + e.getMessage() + "; retrying");
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            retries = scheduler.scheduleWithFixedDelay(this::startWaitingFeeds, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return nats;
    }

    private void connectionEvent(Connection connection, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> feeds.forEach(RunEventFeed::pause);
            // Off the connection's own thread: starting a feed makes requests on this connection.
            case CONNECTED, RECONNECTED, RESUBSCRIBED -> scheduler.execute(this::startWaitingFeeds);
            default -> {
            }
        }
    }

    private void startWaitingFeeds() {
        Connection connection = connection();
        if (connection == null || connection.getStatus() != Connection.Status.CONNECTED) {
            return;
        }
        feeds.stream().filter(RunEventFeed::waiting).forEach(feed -> feed.start(connection));
    }

    @Override
    public synchronized void close() {
        closed = true;
        feeds.forEach(RunEventFeed::stop);
        feeds.clear();
        if (retries != null) {
            retries.cancel(false);
        }
        BusConnections.close(nats);
        nats = null;
    }
}

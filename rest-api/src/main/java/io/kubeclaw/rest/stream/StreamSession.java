package io.kubeclaw.rest.stream;

import io.kubeclaw.rest.auth.Access;
import io.kubeclaw.rest.auth.AccessReviews;
import io.kubeclaw.rest.auth.Caller;
import io.kubeclaw.rest.auth.TokenReviews;
import io.kubeclaw.rest.problem.RootCause;
import io.kubeclaw.rest.stream.ClientMessage.Subscribe;
import io.kubeclaw.rest.stream.ClientMessage.Unsubscribe;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's WebSocket: what it subscribed to, each checked against its RBAC when it starts and again at every
 * recheck, and the frames on their way to it. A client that does not keep up is dropped with 1013 and where to resume from; a subscription that cannot
 * start is an error frame, never a closed socket.
 */
final class StreamSession implements FrameSink {

    private static final Logger LOG = Logger.getLogger(StreamSession.class.getName());
    /** Subscriptions per socket: each holds a listener or a consumer, so their number is bounded too. */
    static final int MAX_SUBSCRIPTIONS = 64;

    /** How the socket is closed: off the caller's thread, since a close may wait for a client that does not read. */
    interface Closer {
        void close(CloseReason reason);
    }

    private final Caller caller;
    /** Kept to review it again while the socket is open: a revoked token must not keep a socket alive. */
    private final String token;
    private final StreamSources sources;
    private final Executor executor;
    private final Closer closer;
    private final OutgoingFrames out;
    private final Map<Topic, Running> subscriptions = new HashMap<>();
    /** Per namespace, the last run event id the client has (an event or a subscribed frame's after, once sent). */
    private final Map<String, Long> lastEventSent = new ConcurrentHashMap<>();
    private boolean closed;
    private boolean dropping;

    private record Running(Subscription subscription, RunEventFeed events) {
    }

    StreamSession(Caller caller, String token, StreamSources sources, StreamSettings settings, OutgoingFrames.Transport transport,
                  Executor executor, Closer closer) {
        this.caller = caller;
        this.token = token;
        this.sources = sources;
        this.executor = executor;
        this.closer = closer;
        this.out = new OutgoingFrames(settings.maxQueuedFrames(), settings.maxQueuedBytes(), transport, this::sent, this::sendFailed);
    }

    void receive(String text) {
        ClientMessage message;
        try {
            message = ClientMessages.parse(text);
        } catch (ClientMessages.InvalidMessage e) {
            send(Frame.error(null, e.getMessage()));
            return;
        }
        switch (message) {
            case Subscribe subscribe -> subscribe(subscribe);
            case Unsubscribe unsubscribe -> unsubscribe(unsubscribe.topic());
        }
    }

    private void subscribe(Subscribe request) {
        Topic topic = request.topic();
        synchronized (this) {
            if (closed) {
                return;
            }
            if (subscriptions.containsKey(topic)) {
                send(Frame.error(topic, "already subscribed to " + topic.describe() + ": unsubscribe first to subscribe again"));
                return;
            }
            if (subscriptions.size() >= MAX_SUBSCRIPTIONS) {
                send(Frame.error(topic, "a socket holds at most " + MAX_SUBSCRIPTIONS + " subscriptions: unsubscribe from one first"));
                return;
            }
        }
        Optional<String> refusal;
        try {
            refusal = refusal(topic);
        } catch (RuntimeException e) {
            send(Frame.error(topic, "cannot check access to " + topic.describe() + ": the Kubernetes API server did not answer ("
                    + RootCause.message(e) + "); subscribe again in a moment"));
            return;
        }
        if (refusal.isPresent()) {
            send(Frame.error(topic, refusal.get()));
            return;
        }
        Running running;
        try {
            running = start(request);
        } catch (FeedUnavailable e) {
            send(Frame.error(topic, e.getMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot start the subscription to " + topic.describe(), e);
            send(Frame.error(topic, "cannot follow " + topic.describe() + ": " + RootCause.message(e)));
            return;
        }
        synchronized (this) {
            if (!closed) {
                subscriptions.put(topic, running);
                return;
            }
        }
        running.subscription().cancel();
    }

    /**
     * Reviews the token and every subscription again, as when they began: a token that is no longer accepted (or
     * now names someone else) closes the socket with 1008; a subscription the caller may no longer see ends with the
     * refusal. When the apiserver does not answer, nothing changes until the next check.
     */
    void recheck() {
        TokenReviews.Outcome outcome;
        try {
            outcome = sources.tokenReviews().authenticate(token);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot review a WebSocket's token again now", e);
            return;
        }
        if (outcome.caller().filter(caller::equals).isEmpty()) {
            String why = outcome.caller().isPresent() ? "it now names another user" : outcome.rejection().reason();
            LOG.info(() -> "closing a WebSocket of " + caller.username() + ": its token is no longer accepted (" + why + ")");
            closeWith(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, CloseReasons.tokenWithdrawn(why)));
            return;
        }
        List<Topic> topics;
        synchronized (this) {
            if (closed) {
                return;
            }
            topics = new ArrayList<>(subscriptions.keySet());
        }
        for (Topic topic : topics) {
            try {
                refusal(topic).ifPresent(refusal -> withdraw(topic, refusal));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "cannot review access to " + topic.describe() + " again now", e);
            }
        }
    }

    private void withdraw(Topic topic, String refusal) {
        Running running;
        synchronized (this) {
            running = subscriptions.remove(topic);
        }
        if (running != null) {
            running.subscription().cancel();
            send(Frame.ended(topic, "access withdrawn: " + refusal));
        }
    }

    /** The first access the caller lacks, as the REST API would say it. */
    private Optional<String> refusal(Topic topic) {
        AccessReviews reviews = sources.accessReviews();
        for (Access access : topic.accessNeeded()) {
            Optional<String> refusal = reviews.refusal(caller, access);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private Running start(Subscribe request) throws FeedUnavailable {
        Topic topic = request.topic();
        return switch (topic.feed()) {
            case RUNS -> {
                sources.resourceChanges().awaitSynced(ResourceKind.RUNS);
                lastEventSent.remove(topic.namespace());
                // The feed announces the subscription (subscribed, with the id events follow), so it comes before the phases.
                RunEventFeed events = sources.runEvents().follow(topic, request.after(), this);
                Subscription phases = sources.resourceChanges().follow(ResourceKind.RUNS, topic.namespace(),
                        runs -> send(ChangeFrames.phases(topic.namespace(), runs)), change -> ChangeFrames.phase(change).ifPresent(this::send));
                yield new Running(() -> {
                    phases.cancel();
                    sources.runEvents().stop(events);
                }, events);
            }
            case RESOURCES -> {
                sources.resourceChanges().awaitSynced(topic.kind());
                send(Frame.subscribed(topic));
                yield new Running(sources.resourceChanges().follow(topic.kind(), topic.namespace(),
                        objects -> send(ChangeFrames.resources(topic.kind(), topic.namespace(), objects)),
                        change -> send(ChangeFrames.resource(topic.kind(), change))), null);
            }
            case LOGS -> new Running(sources.runLogs().follow(caller, topic, request.tailLines(), this), null);
        };
    }

    private void unsubscribe(Topic topic) {
        Running running;
        synchronized (this) {
            running = subscriptions.remove(topic);
        }
        if (running == null) {
            send(Frame.error(topic, "not subscribed to " + topic.describe()));
            return;
        }
        running.subscription().cancel();
        send(Frame.about(Frame.UNSUBSCRIBED, topic));
    }

    @Override
    public void send(Frame frame) {
        if (out.offer(frame) == OutgoingFrames.Offer.FULL) {
            dropTooSlow();
        }
    }

    @Override
    public void ended(Topic topic, String reason) {
        synchronized (this) {
            subscriptions.remove(topic);
        }
        send(Frame.ended(topic, reason));
    }

    /** The client left (or the socket failed): release everything it held. */
    void close() {
        List<Running> held;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            held = new ArrayList<>(subscriptions.values());
            subscriptions.clear();
        }
        out.close();
        held.forEach(running -> running.subscription().cancel());
    }

    /** Releases everything, then closes the socket with a reason, off this thread while the server runs. */
    void closeWith(CloseReason reason) {
        close();
        try {
            executor.execute(() -> closer.close(reason));
        } catch (RejectedExecutionException e) {
            closer.close(reason);
        }
    }

    private void dropTooSlow() {
        int frames;
        long chars;
        Long resumeAfter;
        synchronized (this) {
            if (closed || dropping) {
                return;
            }
            dropping = true;
            frames = out.queuedFrames();
            chars = out.queuedChars();
            // The lowest is safe for every runs subscription; a client with several tracks its ids per namespace anyway.
            resumeAfter = subscriptions.values().stream().filter(running -> running.events() != null)
                    .map(running -> lastEventSent.get(running.events().namespace())).filter(Objects::nonNull).min(Long::compare).orElse(null);
        }
        out.close();
        String reason = CloseReasons.tooSlow(frames, chars, resumeAfter);
        LOG.info(() -> "dropping a WebSocket client of " + caller.username() + ": " + reason);
        // Cancelling may reach back into the producer calling us (an informer's fan-out): done on another thread.
        executor.execute(() -> closeWith(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, CloseReasons.fit(reason))));
    }

    private void sent(Frame frame) {
        if (Frame.EVENT.equals(frame.type())) {
            lastEventSent.put(frame.namespace(), Long.parseLong(frame.id()));
        } else if (Frame.SUBSCRIBED.equals(frame.type()) && frame.data().has("after")) {
            lastEventSent.put(frame.namespace(), Long.parseLong(frame.data().get("after").asText()));
        }
    }

    private void sendFailed(Throwable error) {
        LOG.log(Level.FINE, "a WebSocket send failed", error);
        // A client that went away never sees the reason; one whose send timed out does.
        executor.execute(() -> closeWith(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION,
                CloseReasons.fit("a frame could not be sent: " + RootCause.message(error)))));
    }
}

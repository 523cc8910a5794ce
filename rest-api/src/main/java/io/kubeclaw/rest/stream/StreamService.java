package io.kubeclaw.rest.stream;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeclaw.rest.auth.BearerTokenFilter;
import io.kubeclaw.rest.auth.Caller;
import io.kubeclaw.rest.auth.KubernetesReviews;
import io.kubeclaw.rest.kube.CallerClients;
import io.kubeclaw.rest.kube.ClusterInformers;
import io.kubeclaw.rest.problem.ProblemException;
import io.kubeclaw.rest.problem.RootCause;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The composition root of the WebSocket API: the settings, the sources every session subscribes through, and
 * the sessions that are open, which are closed with 1001 when the application stops. The endpoint reaches it
 * through {@code CDI.current()} (Liberty 26.0.0.3 does not inject into server endpoints).
 */
@ApplicationScoped
public class StreamService {

    private static final Logger LOG = Logger.getLogger(StreamService.class.getName());

    /** What the handshake decided: the caller and their token, or why the socket is refused. */
    record Handshake(Caller caller, String token, String refusal) {
        static final String KEY = Handshake.class.getName();
    }

    @Inject
    CallerClients callers;
    @Inject
    KubernetesReviews reviews;
    @Inject
    ClusterInformers informers;
    @Resource
    ManagedExecutorService executor;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource
    ManagedThreadFactory threads;

    private StreamSettings settings;
    private OriginCheck origins;
    private StreamSources sources;
    private final Set<StreamSession> open = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> rechecks;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        settings = StreamSettings.from(key -> config.getOptionalValue(key, String.class));
        origins = new OriginCheck(settings.allowedOrigins());
        sources = new StreamSources(reviews.tokens(), reviews.access(), new ResourceChanges(informers), new RunEventBus(settings.eventBusUrl(), scheduler),
                new RunLogs(callers, threads));
        long every = settings.recheckEvery().toMillis();
        // Each socket on its own task, so one slow review does not hold up the others' checks.
        rechecks = scheduler.scheduleWithFixedDelay(() -> open.forEach(session -> executor.execute(session::recheck)),
                every, every, TimeUnit.MILLISECONDS);
    }

    /** Checks a handshake's Origin, then its bearer token with the apiserver (TokenReview). */
    Handshake handshake(String origin, String authorization) {
        var refusedOrigin = origins.refusal(origin);
        if (refusedOrigin.isPresent()) {
            return new Handshake(null, null, refusedOrigin.get());
        }
        try {
            Caller caller = BearerTokenFilter.authenticate(authorization, reviews.tokens());
            return new Handshake(caller, BearerTokenFilter.token(authorization), null);
        } catch (ProblemException e) {
            return new Handshake(null, null, e.problem().detail());
        } catch (KubernetesClientException e) {
            return new Handshake(null, null, "cannot check the token: the Kubernetes API server did not answer (" + RootCause.message(e)
                    + "); connect again in a moment");
        }
    }

    StreamSession open(Session socket, Handshake handshake) {
        // Frames are sent one at a time, asynchronously, so no producer ever waits for this client.
        OutgoingFrames.Transport transport = (text, whenDone) -> socket.getAsyncRemote().sendText(text,
                result -> whenDone.accept(result.isOK() ? null : result.getException()));
        // The socket's close comes back as the endpoint's OnClose, which forgets the session.
        StreamSession session = new StreamSession(handshake.caller(), handshake.token(), sources, settings, transport, executor,
                reason -> close(socket, reason));
        open.add(session);
        return session;
    }

    void closed(StreamSession session) {
        open.remove(session);
        session.close();
    }

    private static void close(Session socket, CloseReason reason) {
        try {
            socket.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a WebSocket failed; it is gone either way", e);
        }
    }

    @PreDestroy
    void stop() {
        if (rechecks != null) {
            rechecks.cancel(false);
        }
        open.forEach(session -> session.closeWith(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "the server is stopping")));
        open.clear();
        sources.runEvents().close();
    }
}

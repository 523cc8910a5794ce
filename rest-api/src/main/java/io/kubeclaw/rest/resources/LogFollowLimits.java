package io.kubeclaw.rest.resources;

import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.kubeclaw.rest.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A followed log holds a server thread for as long as it streams, and a client that went away is only noticed at
 * the next chunk written, which a quiet agent may never write. So followed logs are bounded: at most
 * {@code maxStreams} at once (then a 503 pointing at the WebSocket, which follows logs without a thread each), of
 * which one user may hold a quarter (so one user cannot take every slot from the others), and each is closed after
 * {@code maxDuration}, after which a client asks again with {@code tailLines}.
 */
@ApplicationScoped
public class LogFollowLimits {

    static final String MAX_STREAMS_KEY = "kubeclaw.api.log-follow.max-streams";
    static final String MAX_DURATION_KEY = "kubeclaw.api.log-follow.max-duration";

    @Inject
    @ConfigProperty(name = MAX_STREAMS_KEY, defaultValue = "32")
    int maxStreams;
    @Inject
    @ConfigProperty(name = MAX_DURATION_KEY, defaultValue = "PT30M")
    Duration maxDuration;
    @Resource
    ManagedScheduledExecutorService managedScheduler;

    private ScheduledExecutorService scheduler;
    private Semaphore streams;
    private int perUser;
    private final Map<String, Integer> byUser = new ConcurrentHashMap<>();

    /** For CDI. */
    protected LogFollowLimits() {
    }

    LogFollowLimits(int maxStreams, Duration maxDuration, ScheduledExecutorService scheduler) {
        this.maxStreams = maxStreams;
        this.maxDuration = maxDuration;
        this.scheduler = scheduler;
        checkAndStart();
    }

    @PostConstruct
    void start() {
        this.scheduler = managedScheduler;
        checkAndStart();
    }

    private void checkAndStart() {
        if (maxStreams < 1 || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException(MAX_STREAMS_KEY + " must be at least 1 and " + MAX_DURATION_KEY
                    + " longer than zero, not " + maxStreams + " and " + maxDuration);
        }
        this.streams = new Semaphore(maxStreams);
        this.perUser = Math.max(1, maxStreams / 4);
    }

    /**
     * Streams the log {@code open} opens for {@code user}, each chunk flushed as it comes, or refuses at once when too
     * many stream, or when this user holds their share already.
     */
    StreamingOutput follow(String user, Supplier<LogWatch> open) {
        if (byUser.merge(user, 1, Integer::sum) > perUser) {
            release(user);
            throw new ProblemException(503, "TooManyFollowedLogs", "user \"" + user + "\" follows " + perUser + " logs already, the most one user may "
                    + "(a quarter of " + MAX_STREAMS_KEY + "): " + WEBSOCKET);
        }
        if (!streams.tryAcquire()) {
            release(user);
            throw new ProblemException(503, "TooManyFollowedLogs", maxStreams + " logs are being followed already (" + MAX_STREAMS_KEY
                    + "): " + WEBSOCKET);
        }
        return out -> {
            try (LogWatch watch = open.get(); InputStream in = watch.getOutput()) {
                // Closing the watch ends the blocked read below, which frees the thread.
                ScheduledFuture<?> deadline = scheduler.schedule(watch::close, maxDuration.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    byte[] buffer = new byte[8192];
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } finally {
                    deadline.cancel(false);
                }
            } finally {
                streams.release();
                release(user);
            }
        };
    }

    private static final String WEBSOCKET = "follow this one over the WebSocket (/ws, {\"subscribe\": \"logs\", ...}) or try again later";

    private void release(String user) {
        byUser.computeIfPresent(user, (name, count) -> count <= 1 ? null : count - 1);
    }

    int available() {
        return streams.availablePermits();
    }
}

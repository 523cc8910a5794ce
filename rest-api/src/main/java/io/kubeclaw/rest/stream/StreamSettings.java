package io.kubeclaw.rest.stream;

import io.kubeclaw.api.bus.BusConnections;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the WebSocket behaves: which browser origins may connect, how much may wait for a slow client before it
 * is dropped, where the event bus is, and how often an open socket's token and subscriptions are checked again.
 *
 * @param maxQueuedFrames frames waiting for one client ({@code kubeclaw.ws.max-queued})
 * @param maxQueuedBytes  their JSON text, counted in characters ({@code kubeclaw.ws.max-queued-bytes})
 * @param recheckEvery    how often each socket's token and subscriptions are reviewed again ({@code kubeclaw.ws.recheck-interval})
 */
record StreamSettings(List<String> allowedOrigins, int maxQueuedFrames, long maxQueuedBytes, String eventBusUrl, Duration recheckEvery) {

    static final int DEFAULT_MAX_QUEUED = 1000;
    static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;
    static final Duration DEFAULT_RECHECK = Duration.ofMinutes(1);

    StreamSettings {
        if (maxQueuedFrames < 1 || maxQueuedBytes < 1) {
            throw new IllegalArgumentException("kubeclaw.ws.max-queued and kubeclaw.ws.max-queued-bytes must be at least 1, not "
                    + maxQueuedFrames + " and " + maxQueuedBytes);
        }
        if (recheckEvery.isNegative() || recheckEvery.isZero()) {
            throw new IllegalArgumentException("kubeclaw.ws.recheck-interval must be a positive duration such as PT1M, not " + recheckEvery);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * From configuration ({@code config} looks a key up, as MicroProfile Config would); the event bus is found as the
     * controllers find it ({@code kubeclaw.event-bus.*}).
     */
    static StreamSettings from(Function<String, Optional<String>> config) {
        String origins = config.apply(OriginCheck.CONFIG_KEY).orElse("");
        String bus = config.apply("kubeclaw.event-bus.url").orElseGet(() -> BusConnections.inClusterUrl(
                config.apply("kubeclaw.event-bus.namespace").orElse(KubeClaw.SYSTEM_NAMESPACE),
                config.apply("kubeclaw.event-bus.port").map(port -> number("kubeclaw.event-bus.port", port)).orElse((long) BusConnections.DEFAULT_PORT).intValue()));
        return new StreamSettings(
                Arrays.stream(origins.split(",")).map(String::strip).filter(origin -> !origin.isEmpty()).toList(),
                config.apply("kubeclaw.ws.max-queued").map(value -> number("kubeclaw.ws.max-queued", value)).orElse((long) DEFAULT_MAX_QUEUED).intValue(),
                config.apply("kubeclaw.ws.max-queued-bytes").map(value -> number("kubeclaw.ws.max-queued-bytes", value)).orElse(DEFAULT_MAX_QUEUED_BYTES),
                bus,
                config.apply("kubeclaw.ws.recheck-interval").map(StreamSettings::duration).orElse(DEFAULT_RECHECK));
    }

    private static Duration duration(String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("kubeclaw.ws.recheck-interval must be an ISO-8601 duration such as PT1M, not \"" + value + "\"");
        }
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not \"" + value + "\"");
        }
    }
}

package io.kubeclaw.rest.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Answers kept for a short time and a bounded number of keys, oldest dropped first: reviews are asked of the
 * apiserver once per caller and question every few seconds, not on every request, and a flood of distinct
 * tokens cannot grow memory without bound. A changed grant takes effect within the time to live.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final Duration timeToLive;
    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>();
    /** Computations under way, by key: guarded by {@code entries}' lock. */
    private final Map<K, CompletableFuture<V>> inFlight = new HashMap<>();

    ExpiringCache(Duration timeToLive, int maxEntries, Clock clock) {
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * The cached answer, or {@code compute}'s, which is cached unless it throws. Computing happens outside the
     * lock, so a slow review does not hold up other keys; concurrent misses of one key wait for a single computation
     * (single flight), so a burst of requests asks the apiserver once, not once each.
     */
    V get(K key, Function<K, V> compute) {
        Instant now = clock.instant();
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running;
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            if (entry != null && now.isBefore(entry.expires())) {
                return entry.value();
            }
            running = inFlight.putIfAbsent(key, mine);
        }
        if (running != null) {
            return await(running);
        }
        try {
            V value = compute.apply(key);
            synchronized (entries) {
                entries.remove(key);
                entries.put(key, new Entry<>(value, now.plus(timeToLive)));
                var eldest = entries.entrySet().iterator();
                while (entries.size() > maxEntries) {
                    eldest.next();
                    eldest.remove();
                }
                inFlight.remove(key);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (entries) {
                inFlight.remove(key);
            }
            // Those waiting see the same failure; nothing is cached, so the next caller asks again.
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static <V> V await(CompletableFuture<V> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}

package io.kubeclaw.rest.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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

    ExpiringCache(Duration timeToLive, int maxEntries, Clock clock) {
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * The cached answer, or {@code compute}'s, which is cached unless it throws. Computing happens outside the
     * lock, so a slow review does not hold up other callers; two concurrent misses may both ask.
     */
    V get(K key, Function<K, V> compute) {
        Instant now = clock.instant();
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            if (entry != null && now.isBefore(entry.expires())) {
                return entry.value();
            }
        }
        V value = compute.apply(key);
        synchronized (entries) {
            entries.remove(key);
            entries.put(key, new Entry<>(value, now.plus(timeToLive)));
            var eldest = entries.entrySet().iterator();
            while (entries.size() > maxEntries) {
                eldest.next();
                eldest.remove();
            }
        }
        return value;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}

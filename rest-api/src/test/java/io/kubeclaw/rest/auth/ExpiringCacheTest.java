package io.kubeclaw.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final AtomicInteger computed = new AtomicInteger();

    private String compute(String key) {
        return key + "#" + computed.incrementAndGet();
    }

    @Test
    void answersFromTheCacheUntilTheTimeToLivePasses() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 100, clock);

        assertThat(cache.get("a", this::compute)).isEqualTo("a#1");
        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.get("a", this::compute)).isEqualTo("a#1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("a", this::compute)).isEqualTo("a#2");
    }

    @Test
    void keepsAtMostMaxEntriesDroppingTheOldest() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 2, clock);

        cache.get("a", this::compute);
        cache.get("b", this::compute);
        cache.get("c", this::compute);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b", this::compute)).isEqualTo("b#2");
        assertThat(cache.get("a", this::compute)).isEqualTo("a#4");
    }

    @Test
    void aFailedComputationIsNotCached() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 2, clock);

        assertThatThrownBy(() -> cache.get("a", key -> {
            throw new IllegalStateException("apiserver down");
        })).hasMessage("apiserver down");
        assertThat(cache.get("a", this::compute)).isEqualTo("a#1");
    }
}

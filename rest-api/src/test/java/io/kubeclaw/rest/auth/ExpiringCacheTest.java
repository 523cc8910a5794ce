package io.kubeclaw.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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

    @Test
    void concurrentMissesOfOneKeyComputeOnceAndAllGetTheAnswer() throws Exception {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 100, clock);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<String, String> slow = key -> {
            computing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return compute(key);
        };
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(8, recording(threads));
        try {
            List<Future<String>> answers = new ArrayList<>();
            answers.add(callers.submit(() -> cache.get("token", slow)));
            assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                answers.add(callers.submit(() -> cache.get("token", slow)));
            }
            // All eight parked: one in the computation, seven waiting on it rather than computing themselves.
            awaitParked(threads, 8);
            release.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("token#1");
            }
            assertThat(computed).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void thoseWaitingOnAFailedComputationSeeTheFailureAndTheNextCallerAsksAgain() throws Exception {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 100, clock);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(2, recording(threads));
        try {
            Future<String> first = callers.submit(() -> cache.get("token", key -> {
                computing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("apiserver down");
            }));
            assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> second = callers.submit(() -> cache.get("token", this::compute));
            awaitParked(threads, 2);
            release.countDown();
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("apiserver down");
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("apiserver down");
            assertThat(cache.get("token", this::compute)).isEqualTo("token#1");
        } finally {
            callers.shutdownNow();
        }
    }

    private static ThreadFactory recording(List<Thread> threads) {
        return task -> {
            Thread thread = new Thread(task);
            threads.add(thread);
            return thread;
        };
    }

    /** Until {@code count} callers are parked: in the computation, or waiting for it. */
    private static void awaitParked(List<Thread> threads, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == count
                && threads.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));
    }
}

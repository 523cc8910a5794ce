package io.kubeclaw.runner.provider;

import java.time.Duration;

/**
 * Bounded retries of a provider request that failed with 429 or a 5xx.
 *
 * @param maxAttempts attempts in all, the first included
 * @param firstDelay  the wait before the second attempt when the provider names none; it doubles after that
 * @param maxDelay    the longest wait; a provider asking for longer (Retry-After) is not retried
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    Duration backoff(int failedAttempts) {
        long millis = firstDelay.toMillis() << Math.min(failedAttempts - 1, 16);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    static boolean retriable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504 || status == 529;
    }
}

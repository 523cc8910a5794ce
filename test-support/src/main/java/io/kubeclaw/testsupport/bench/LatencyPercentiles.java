package io.kubeclaw.testsupport.bench;

import java.util.Arrays;

/** p50, p90, p99 and the maximum of a set of latencies, by the nearest-rank method (always a measured value). */
public record LatencyPercentiles(long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos, int count) {

    public static LatencyPercentiles of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies measured");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyPercentiles(rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1], sorted.length);
    }

    /** The smallest value with at least {@code percent}% of the values at or below it. */
    private static long rank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}

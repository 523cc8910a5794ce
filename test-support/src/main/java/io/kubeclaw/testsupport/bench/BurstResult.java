package io.kubeclaw.testsupport.bench;

/** A burst of {@code count} creates from {@code threads} threads: when the last create returned and when the last Job was seen. */
record BurstResult(int count, int threads, long lastCreateNanos, long lastJobNanos) {

    double seconds() {
        return lastJobNanos / 1e9;
    }

    double perSecond() {
        return count / seconds();
    }

    double createSeconds() {
        return lastCreateNanos / 1e9;
    }
}

package io.kubeclaw.runner;

import io.kubeclaw.api.events.RunResult;
import java.time.Duration;
import java.time.Instant;

/**
 * Ends the run at its deadline even when the loop is stuck in a tool or a provider call: it reports the timeout
 * and exits the process, so a run never hangs past its limit.
 */
final class Watchdog {

    private Watchdog() {
    }

    static void start(Instant deadline, Duration timeout, ResultReporter reporter) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(Duration.between(Instant.now(), deadline).plusSeconds(1));
            } catch (InterruptedException e) {
                return;
            }
            System.exit(reporter.report(RunResult.failed("the run exceeded its timeout of " + timeout
                    + " and was stopped", null, 0)));
        }, "run-watchdog");
        thread.setDaemon(true);
        thread.start();
    }
}

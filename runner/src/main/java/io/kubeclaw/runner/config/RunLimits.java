package io.kubeclaw.runner.config;

import java.time.Duration;

/**
 * What bounds the tool loop.
 *
 * @param maxIterations model turns at most; a model still calling tools after them fails the run
 * @param timeout       wall-clock limit of the whole run
 * @param tokenBudget   input plus output tokens at most, or null for no budget
 */
public record RunLimits(int maxIterations, Duration timeout, Long tokenBudget) {
}

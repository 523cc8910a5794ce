package io.kubeclaw.api.events;

import java.util.Optional;

/**
 * The fallback channel for a {@link RunResult}: the runner prints it once to stdout as one marker line, and the
 * controller finds it in the pod log when the result event never arrived.
 */
public final class RunResultMarker {

    public static final String PREFIX = "KUBECLAW_RESULT ";

    private RunResultMarker() {
    }

    /** {@code KUBECLAW_RESULT <compact JSON>}, without a line break. */
    public static String format(RunResult result) {
        return PREFIX + result.toJson();
    }

    /**
     * The result of the last well-formed marker line in the log. Only lines that start with the prefix count;
     * marker lines with malformed JSON or an unsupported version are skipped, as {@link RunResult#fromJson} explains.
     */
    public static Optional<RunResult> find(String podLog) {
        if (podLog == null) {
            return Optional.empty();
        }
        return podLog.lines()
                .filter(line -> line.startsWith(PREFIX))
                .map(line -> RunResult.fromJson(line.substring(PREFIX.length())))
                .flatMap(Optional::stream)
                .reduce((earlier, later) -> later);
    }
}

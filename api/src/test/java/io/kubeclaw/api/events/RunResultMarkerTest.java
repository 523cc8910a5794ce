package io.kubeclaw.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.run.TokenUsage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunResultMarkerTest {

    private static final RunResult SUCCEEDED = new RunResult(RunResult.VERSION, true, "Scaled web to 3 replicas.", null,
            new TokenUsage(1200L, 340L), 4, "- web runs 3 replicas since the November load test");

    private static final String SUCCEEDED_LINE = RunResultMarker.format(SUCCEEDED);

    @Test
    void roundTripsThroughOneLine() {
        RunResult failed = new RunResult(RunResult.VERSION, false, null, "provider returned 429", null, 0, null);

        assertThat(RunResultMarker.format(failed)).isEqualTo(
                "KUBECLAW_RESULT {\"version\":1,\"success\":false,\"error\":\"provider returned 429\",\"toolCalls\":0}");
        assertThat(RunResultMarker.find(SUCCEEDED_LINE)).get().usingRecursiveComparison().isEqualTo(SUCCEEDED);
        assertThat(RunResultMarker.find(RunResultMarker.format(failed))).get().usingRecursiveComparison().isEqualTo(failed);
    }

    @Test
    void keepsMultiLineTextOnOneLine() {
        RunResult multiLine = new RunResult(RunResult.VERSION, true, "line one\nline two\r\n\ttabbed \"quoted\" ü 🦀", null,
                null, 1, "## Facts\n\n- one\n");

        String line = RunResultMarker.format(multiLine);

        assertThat(line).doesNotContain("\n", "\r");
        assertThat(RunResultMarker.find("starting\n" + line + "\ndone\n")).get().usingRecursiveComparison().isEqualTo(multiLine);
    }

    static Stream<Arguments> logs() {
        String failedLine = RunResultMarker.format(new RunResult(RunResult.VERSION, false, null, "boom", null, 0, null));
        return Stream.of(
                Arguments.of("no marker", "starting\nthinking\ndone\n", null),
                Arguments.of("empty log", "", null),
                Arguments.of("null log", null, null),
                Arguments.of("marker amid other output", "starting\n" + SUCCEEDED_LINE + "\nexiting\n", "Scaled web to 3 replicas."),
                Arguments.of("Windows line ends", "starting\r\n" + SUCCEEDED_LINE + "\r\n", "Scaled web to 3 replicas."),
                Arguments.of("last marker wins", failedLine + "\n" + SUCCEEDED_LINE + "\n", "Scaled web to 3 replicas."),
                Arguments.of("malformed last marker skipped", SUCCEEDED_LINE + "\nKUBECLAW_RESULT {\"version\":1,\"succ\n",
                        "Scaled web to 3 replicas."),
                Arguments.of("trailing garbage is malformed", SUCCEEDED_LINE + " and more", null),
                Arguments.of("JSON that is not an object", "KUBECLAW_RESULT null\nKUBECLAW_RESULT [1]\nKUBECLAW_RESULT 7", null),
                Arguments.of("prefix mid-line ignored", "echo " + SUCCEEDED_LINE + "\n", null),
                Arguments.of("indented prefix ignored", "  " + SUCCEEDED_LINE + "\n", null),
                Arguments.of("prefix without separator", "KUBECLAW_RESULT" + SUCCEEDED.toJson(), null),
                Arguments.of("unsupported version skipped", SUCCEEDED_LINE + "\n" + SUCCEEDED_LINE.replace("\"version\":1", "\"version\":2"),
                        "Scaled web to 3 replicas."),
                Arguments.of("missing version unsupported", "KUBECLAW_RESULT {\"success\":true,\"result\":\"x\"}", null),
                Arguments.of("unknown future fields ignored",
                        "KUBECLAW_RESULT {\"version\":1,\"success\":true,\"result\":\"ok\",\"costUsd\":0.2,"
                                + "\"tokenUsage\":{\"input\":1,\"output\":2,\"cached\":3},\"toolCalls\":0}", "ok"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void findsTheLastWellFormedMarkerLine(String name, String log, String expectedResult) {
        if (expectedResult == null) {
            assertThat(RunResultMarker.find(log)).isEmpty();
        } else {
            assertThat(RunResultMarker.find(log)).map(RunResult::result).contains(expectedResult);
        }
    }
}

package io.kubeclaw.runner.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MemoryBlockTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("no block", "The pods are healthy.", "The pods are healthy.", null),
                Arguments.of("null text", null, "", null),
                Arguments.of("empty text", "", "", null),
                Arguments.of("one block",
                        "All done.\n<memory>The cluster runs Kubernetes 1.31.</memory>",
                        "All done.", "The cluster runs Kubernetes 1.31."),
                Arguments.of("block surrounded by blank space",
                        "  All done.  \n\n<memory>\n  prefers YAML  \n</memory>\n",
                        "All done.", "prefers YAML"),
                Arguments.of("block in the middle",
                        "Before.<memory>fact</memory>After.",
                        "Before.After.", "fact"),
                Arguments.of("two blocks joined by a newline",
                        "<memory>first fact</memory>Answer.<memory>second fact</memory>",
                        "Answer.", "first fact\nsecond fact"),
                Arguments.of("multi-line block",
                        "Answer.<memory>line one\nline two</memory>",
                        "Answer.", "line one\nline two"),
                Arguments.of("empty block ignored",
                        "Answer.<memory></memory>",
                        "Answer.", null),
                Arguments.of("blank block ignored between real ones",
                        "<memory>first</memory><memory> \n </memory>Answer.<memory>second</memory>",
                        "Answer.", "first\nsecond"),
                Arguments.of("only a block",
                        "<memory>just this</memory>",
                        "", "just this"),
                Arguments.of("an unclosed tag is part of the answer",
                        "Answer. <memory>never closed",
                        "Answer. <memory>never closed", null),
                Arguments.of("the match is not greedy across blocks",
                        "<memory>a</memory> middle <memory>b</memory>",
                        "middle", "a\nb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void theAnswerAndTheMemoryUpdateAreSplitApart(String description, String finalText, String answer, String memoryUpdate) {
        assertThat(MemoryBlock.split(finalText)).isEqualTo(new MemoryBlock(answer, memoryUpdate));
    }
}

package io.kubeclaw.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MemoryMergeTest {

    private static final Instant COMPLETED = Instant.parse("2026-11-24T10:15:00Z");
    private static final String PREAMBLE = "# Memory of ops-bot\n\nFacts worth keeping between runs.\n";
    private static final String OLD = section("2026-11-20T08:00:00Z", "nightly-1", "- web has 2 replicas");
    private static final String NEWER = section("2026-11-21T08:00:00Z", "nightly-2", "- db backups run at 02:00");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("first update into no memory", null, "- web has 3 replicas",
                        section("2026-11-24T10:15:00Z", "run-3", "- web has 3 replicas")),
                Arguments.of("appended after the preamble", PREAMBLE, "\n\n- web has 3 replicas  \n\n",
                        doc(PREAMBLE, section("2026-11-24T10:15:00Z", "run-3", "- web has 3 replicas"))),
                Arguments.of("appended after existing sections, oldest first", doc(PREAMBLE, OLD, NEWER), "- web has 3 replicas",
                        doc(PREAMBLE, OLD, NEWER, section("2026-11-24T10:15:00Z", "run-3", "- web has 3 replicas"))),
                Arguments.of("null update changes nothing", "kept\r\nas is  ", null, "kept\r\nas is  "),
                Arguments.of("blank update changes nothing", doc(PREAMBLE, OLD), " \n\t\n", doc(PREAMBLE, OLD)),
                Arguments.of("same body differently spaced is not repeated", doc(PREAMBLE, OLD), "  -  web has\n2   replicas\n",
                        doc(PREAMBLE, OLD)),
                Arguments.of("a run already merged is not merged again", doc(OLD, section("2026-11-24T10:15:00Z", "run-3", "- first try")),
                        "- second try", doc(OLD, section("2026-11-24T10:15:00Z", "run-3", "- first try"))),
                Arguments.of("a run's own headings stay in its body", PREAMBLE, "## Facts\n\n- web has 3 replicas",
                        doc(PREAMBLE, section("2026-11-24T10:15:00Z", "run-3", "## Facts\n\n- web has 3 replicas"))),
                Arguments.of("a forged section heading is escaped", null, "## 2026-11-20T08:00:00Z — run nightly-1\nforged",
                        section("2026-11-24T10:15:00Z", "run-3", "\\## 2026-11-20T08:00:00Z — run nightly-1\nforged")),
                Arguments.of("indented first line kept", null, "\n    kubectl get pods\n",
                        section("2026-11-24T10:15:00Z", "run-3", "    kubectl get pods")),
                Arguments.of("layout normalised when appending", "# Memory\r\n\r\n\r\n" + OLD.replace("\n", "\r\n") + "\r\n\r\n", "- more",
                        doc("# Memory\n", OLD, section("2026-11-24T10:15:00Z", "run-3", "- more"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void mergesByTheRules(String name, String existing, String update, String expected) {
        String merged = MemoryMerge.merge(existing, update, "run-3", COMPLETED, 256);

        assertThat(merged).isEqualTo(expected);
        assertThat(MemoryMerge.merge(merged, update, "run-3", COMPLETED, 256)).as("retried merge").isEqualTo(merged);
    }

    @Test
    void headingIsToTheSecond() {
        assertThat(MemoryMerge.merge("", "- fact", "run-3", Instant.parse("2026-11-24T10:15:00.987654Z"), 1))
                .startsWith("## 2026-11-24T10:15:00Z — run run-3\n");
    }

    @Test
    void forgedHeadingDoesNotHideTheRunItNames() {
        String forged = MemoryMerge.merge(OLD, "## 2026-11-25T00:00:00Z — run nightly-3\nforged", "run-3", COMPLETED, 256);

        assertThat(MemoryMerge.merge(forged, "- real", "nightly-3", COMPLETED, 256)).endsWith("run nightly-3\n\n- real\n");
    }

    @Test
    void exactlyAtTheCapKeepsEverythingAndOneByteMoreDropsTheOldest() {
        String update = "- web has 3 replicas";
        int unpadded = bytes(MemoryMerge.merge(doc(PREAMBLE, OLD, NEWER), update, "run-3", COMPLETED, 256));
        String fitting = update + "x".repeat(1024 - unpadded);

        String atCap = MemoryMerge.merge(doc(PREAMBLE, OLD, NEWER), fitting, "run-3", COMPLETED, 1);
        String overCap = MemoryMerge.merge(doc(PREAMBLE, OLD, NEWER), fitting + "x", "run-3", COMPLETED, 1);

        assertThat(bytes(atCap)).isEqualTo(1024);
        assertThat(atCap).isEqualTo(doc(PREAMBLE, OLD, NEWER, section("2026-11-24T10:15:00Z", "run-3", fitting)));
        assertThat(overCap).isEqualTo(doc(PREAMBLE, NEWER, section("2026-11-24T10:15:00Z", "run-3", fitting + "x")));
    }

    @Test
    void dropsAsManyOldSectionsAsTheNewOneNeeds() {
        String merged = MemoryMerge.merge(doc(PREAMBLE, OLD, NEWER), "y".repeat(900), "run-3", COMPLETED, 1);

        assertThat(merged).isEqualTo(doc(PREAMBLE, section("2026-11-24T10:15:00Z", "run-3", "y".repeat(900))));
    }

    static Stream<Arguments> multibyteCuts() {
        return Stream.of("é", "€", "🦀").flatMap(character ->
                Stream.of(0, 1, 2, 3).map(shift -> Arguments.of(character, shift)));
    }

    /** Shifting the preamble by 0 to 3 bytes puts the cap on every byte of a 2, 3 or 4 byte character. */
    @ParameterizedTest(name = "{0} shifted by {1}")
    @MethodSource("multibyteCuts")
    void cutsAnOversizedSectionOnACharacterBoundary(String character, int shift) {
        String preamble = "#".repeat(shift + 1) + " Memory\n";
        String merged = MemoryMerge.merge(doc(preamble, OLD), character.repeat(2000), "run-3", COMPLETED, 1);

        String body = merged.substring(merged.indexOf("\n\n", merged.indexOf("— run run-3")) + 2);
        assertThat(bytes(merged)).isLessThanOrEqualTo(1024).isGreaterThan(1024 - bytes(character));
        assertThat(merged).startsWith(preamble + "\n## 2026-11-24T10:15:00Z — run run-3\n\n").doesNotContain("nightly-1");
        assertThat(body).matches("(" + character + ")+\n" + MemoryMerge.TRUNCATED_MARKER.replace("[", "\\[").replace("]", "\\]") + "\n");
        assertThat(MemoryMerge.merge(merged, character.repeat(2000), "run-3", COMPLETED, 1)).as("retried merge").isEqualTo(merged);
    }

    @Test
    void aPreambleThatLeavesNoRoomKeepsTheMemoryAsItIs() {
        String fullPreamble = "p".repeat(1000) + "\n";

        assertThat(MemoryMerge.merge(doc(fullPreamble, OLD), "- fact", "run-3", COMPLETED, 1)).isEqualTo(doc(fullPreamble, OLD));
        assertThat(MemoryMerge.merge("p".repeat(2000), "- fact", "run-3", COMPLETED, 1)).isEqualTo("p".repeat(2000));
    }

    @Test
    void refusesACapBelowOneKiB() {
        assertThatThrownBy(() -> MemoryMerge.merge("", "- fact", "run-3", COMPLETED, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String section(String instant, String run, String body) {
        return "## " + instant + " — run " + run + "\n\n" + body + "\n";
    }

    private static String doc(String... parts) {
        return String.join("\n", parts);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

package io.kubeclaw.api.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import io.kubeclaw.api.ipc.IpcLayout.EventFile;
import io.kubeclaw.api.ipc.IpcLayout.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpcLayoutTest {

    @ParameterizedTest
    @CsvSource({
            "00000012.result.json,   12,         RESULT",
            "00000000.event.json,    0,          EVENT",
            "00000001.tool.json,     1,          TOOL",
            "00000042.reply.json,    42,         REPLY",
            "00000007.schedule.json, 7,          SCHEDULE",
            "123456789.event.json,   123456789,  EVENT",
    })
    void anEventFileNameParsesToItsSequenceAndTopic(String fileName, long sequence, Topic topic) {
        assertThat(IpcLayout.parseEvent(Path.of("/ipc/events", fileName))).contains(new EventFile(sequence, topic));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ".tmp-00000012.result.json-0b7e2f8e-3c1d-4a3e-9a51-0f6c1b2d3e4f",
            ".tmp-00000012.result.json",
            "00000012.unknown.json",
            "00000012.RESULT.json",
            "00000012..json",
            "0000012.result.json",
            "12.result.json",
            "00000012.result.txt",
            "00000012.result.json.bak",
            "00000012.result",
            "0000001a.result.json",
            "-0000012.result.json",
            "done",
    })
    void anythingElseIsNotAnEventFile(String fileName) {
        assertThat(IpcLayout.parseEvent(Path.of("/ipc/events").resolve(fileName))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void anEventFilesNameParsesBackToIt(Topic topic) {
        EventFile file = new EventFile(12, topic);

        assertThat(file.fileName()).isEqualTo("00000012." + topic.token() + ".json");
        assertThat(IpcLayout.parseEvent(Path.of(file.fileName()))).contains(file);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 99_999_999, 100_000_000, Long.MAX_VALUE})
    void sequencesOfAnyLengthRoundTrip(long sequence) {
        EventFile file = new EventFile(sequence, Topic.EVENT);

        assertThat(IpcLayout.parseEvent(Path.of(file.fileName()))).contains(file);
    }

    @Test
    void zeroPaddedNamesSortInSequenceOrder() {
        assertThat(new EventFile(9, Topic.EVENT).fileName()).isLessThan(new EventFile(10, Topic.EVENT).fileName());
    }

    @ParameterizedTest
    @CsvSource({
            "request-0b7e2f8e-3c1d-4a3e-9a51-0f6c1b2d3e4f.json, 0b7e2f8e-3c1d-4a3e-9a51-0f6c1b2d3e4f",
            "request-a.json,                                  a",
            "request-ABC-123.json,                            ABC-123",
    })
    void aToolRequestFileNameParsesToItsId(String fileName, String id) {
        assertThat(IpcLayout.parseToolRequest(Path.of("/ipc/tools", fileName))).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "request-.json",
            "request-...json",
            "request-a.b.json",
            "request-call_1.json",
            "request-a%2F..%2Fb.json",
            "request-a b.json",
            "request-a\\b.json",
            "request-a.json.tmp",
            "claimed-a.json",
            "result-a.json",
            ".tmp-request-a.json-0b7e2f8e",
            "request-a",
    })
    void aToolRequestFileWithAnUnsafeIdOrOtherNameIsNotARequest(String fileName) {
        assertThat(IpcLayout.parseToolRequest(Path.of("/ipc/tools").resolve(fileName))).isEmpty();
    }

    @Test
    void aToolIdIsAtMost64Characters() {
        assertThat(IpcLayout.parseToolRequest(Path.of("request-" + "a".repeat(64) + ".json"))).contains("a".repeat(64));
        assertThat(IpcLayout.parseToolRequest(Path.of("request-" + "a".repeat(65) + ".json"))).isEmpty();
    }

    @Test
    void onlyTheFileNameCountsNotTheDirectories() {
        // A request can only be named by its file: directories above it never become part of the id.
        assertThat(IpcLayout.parseToolRequest(Path.of("/ipc/tools/request-../request-a.json"))).contains("a");
    }

    @Test
    void thePathsAreUnderTheRoot() {
        IpcLayout ipc = new IpcLayout(Path.of("/ipc"));

        assertThat(ipc.events()).isEqualTo(Path.of("/ipc/events"));
        assertThat(ipc.inbound()).isEqualTo(Path.of("/ipc/inbound"));
        assertThat(ipc.done()).isEqualTo(Path.of("/ipc/done"));
        assertThat(ipc.toolRequest("x1")).isEqualTo(Path.of("/ipc/tools/request-x1.json"));
        assertThat(ipc.toolClaimed("x1")).isEqualTo(Path.of("/ipc/tools/claimed-x1.json"));
        assertThat(ipc.toolResult("x1")).isEqualTo(Path.of("/ipc/tools/result-x1.json"));
        assertThat(ipc.event(new EventFile(3, Topic.REPLY))).isEqualTo(Path.of("/ipc/events/00000003.reply.json"));
        assertThat(IpcLayout.parseToolRequest(ipc.toolRequest("x1"))).contains("x1");
        assertThat(IpcLayout.parseToolRequest(ipc.toolClaimed("x1"))).isEmpty();
    }

    @Test
    void ensureDirectoriesCreatesTheThreeDirectoriesAndMayRunTwice(@TempDir Path root) throws IOException {
        IpcLayout ipc = new IpcLayout(root.resolve("ipc"));

        ipc.ensureDirectories().ensureDirectories();

        assertThat(ipc.events()).isDirectory();
        assertThat(ipc.inbound()).isDirectory();
        assertThat(ipc.tools()).isDirectory();
    }

    @Test
    void anAtomicWriteReplacesTheContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("00000001.event.json");

        AtomicFiles.write(target, "first");
        AtomicFiles.write(target, "second, longer than the first");

        assertThat(target).hasContent("second, longer than the first");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anAtomicWriteKeepsUnicode(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("note.json");

        AtomicFiles.write(target, "{\"text\":\"grüße 🦀\"}");

        assertThat(Files.readString(target)).isEqualTo("{\"text\":\"grüße 🦀\"}");
    }

    @Test
    void aFailedAtomicWriteLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        // Renaming a file onto a non-empty directory fails after the temporary file was written.
        Path target = dir.resolve("occupied");
        Files.createDirectories(target.resolve("inside"));

        assertThatIOException().isThrownBy(() -> AtomicFiles.write(target, "x"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFileCanBeClaimedOnlyOnce(@TempDir Path dir) throws IOException {
        Path request = dir.resolve("request-a.json");
        Path claimed = dir.resolve("claimed-a.json");
        Files.writeString(request, "{}");

        assertThat(AtomicFiles.claim(request, claimed)).isTrue();
        assertThat(AtomicFiles.claim(request, claimed)).isFalse();

        assertThat(request).doesNotExist();
        assertThat(claimed).hasContent("{}");
    }

    @Test
    void claimingAMissingFileIsFalse(@TempDir Path dir) throws IOException {
        assertThat(AtomicFiles.claim(dir.resolve("request-a.json"), dir.resolve("claimed-a.json"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            ".tmp-00000001.event.json-abc, true",
            ".tmp-,                        true",
            "00000001.event.json,          false",
            "tmp-00000001.event.json,      false",
            ".hidden,                      false",
    })
    void temporaryFilesAreRecognisedByTheirPrefix(String fileName, boolean temporary) {
        assertThat(AtomicFiles.isTemporary(Path.of("/ipc/events", fileName))).isEqualTo(temporary);
    }
}

package io.kubeclaw.runner.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfinedPathsTest {

    @TempDir
    Path root;

    private Path workspace;
    private Path skills;
    private Path memory;
    private Path lookalike;
    private ConfinedPaths paths;

    @BeforeEach
    void volumes() throws IOException {
        workspace = Files.createDirectories(root.resolve("workspace"));
        skills = Files.createDirectories(root.resolve("skills"));
        memory = Files.createDirectories(root.resolve("memory"));
        lookalike = Files.createDirectories(root.resolve("workspacefoo"));
        Files.writeString(workspace.resolve("notes.txt"), "notes");
        Files.writeString(skills.resolve("kubectl.md"), "skill");
        Files.writeString(memory.resolve("MEMORY.md"), "memory");
        Files.writeString(lookalike.resolve("secret"), "secret");
        paths = new ConfinedPaths(workspace, List.of(skills, memory));
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt", "./notes.txt", "sub/../notes.txt", "sub/./../notes.txt"})
    void aRelativePathInsideTheWorkspaceIsReadable(String requested) throws IOException {
        assertThat(paths.forReading(requested)).isEqualTo(workspace.resolve("notes.txt").toRealPath());
    }

    @Test
    void anAbsolutePathInsideAnyVolumeIsReadable() throws IOException {
        assertThat(paths.forReading(workspace.resolve("notes.txt").toString())).hasContent("notes");
        assertThat(paths.forReading(skills.resolve("kubectl.md").toString())).hasContent("skill");
        assertThat(paths.forReading(memory.resolve("MEMORY.md").toString())).hasContent("memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../workspacefoo/secret", "../../etc/passwd", "..", "sub/../../workspacefoo/secret", "/etc/passwd"})
    void traversalOutOfTheVolumesIsRefused(String requested) {
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forReading(requested))
                .withMessageContaining("outside the run's volumes");
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting(requested))
                .withMessageContaining("outside the run's volumes");
    }

    @Test
    void aDirectoryWhoseNameOnlyStartsLikeTheWorkspaceIsOutside() {
        String secret = lookalike.resolve("secret").toString();

        assertThat(secret).startsWith(workspace.toString());
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forReading(secret))
                .withMessageContaining("outside the run's volumes");
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting(lookalike.resolve("new.txt").toString()))
                .withMessageContaining("outside the run's volumes");
    }

    @Test
    void aFileLinkInsideTheWorkspacePointingOutsideIsRefusedForReadingAndWriting() throws IOException {
        Files.createSymbolicLink(workspace.resolve("escape.txt"), lookalike.resolve("secret"));

        assertThatIllegalArgumentException().isThrownBy(() -> paths.forReading("escape.txt"))
                .withMessageContaining("is a link to");
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting("escape.txt"))
                .withMessageContaining("is a symbolic link");
        assertThat(lookalike.resolve("secret")).hasContent("secret");
    }

    @Test
    void aDirectoryLinkInsideTheWorkspacePointingOutsideIsRefusedForReadingAndWriting() throws IOException {
        Files.createSymbolicLink(workspace.resolve("out"), lookalike);

        assertThatIllegalArgumentException().isThrownBy(() -> paths.forReading("out/secret"))
                .withMessageContaining("is a link to");
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting("out/new.txt"))
                .withMessageContaining("leads through a link");
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting("out/deeper/new.txt"))
                .withMessageContaining("leads through a link");
        assertThat(lookalike.resolve("deeper")).doesNotExist();
    }

    @Test
    void aLinkPointingInsideTheWorkspaceIsReadable() throws IOException {
        Files.createSymbolicLink(workspace.resolve("alias.txt"), workspace.resolve("notes.txt"));
        Files.createDirectories(workspace.resolve("docs"));
        Files.createSymbolicLink(workspace.resolve("docs/relative.txt"), Path.of("../notes.txt"));

        assertThat(paths.forReading("alias.txt")).isEqualTo(workspace.resolve("notes.txt").toRealPath());
        assertThat(paths.forReading("docs/relative.txt")).isEqualTo(workspace.resolve("notes.txt").toRealPath());
    }

    @Test
    void configMapStyleLinksInsideTheSkillsVolumeAreReadable() throws IOException {
        // A ConfigMap volume: key -> ..data/key, ..data -> ..<timestamp>/
        Path version = Files.createDirectories(skills.resolve("..2024_01_01_00_00_00.1"));
        Files.writeString(version.resolve("helm.md"), "helm skill");
        Files.createSymbolicLink(skills.resolve("..data"), version.getFileName());
        Files.createSymbolicLink(skills.resolve("helm.md"), Path.of("..data/helm.md"));

        assertThat(paths.forReading(skills.resolve("helm.md").toString())).hasContent("helm skill");
    }

    @Test
    void aLinkInTheSkillsVolumeToTheWorkspaceIsRefused() throws IOException {
        Files.createSymbolicLink(skills.resolve("notes.md"), workspace.resolve("notes.txt"));

        assertThatIllegalArgumentException().isThrownBy(() -> paths.forReading(skills.resolve("notes.md").toString()))
                .withMessageContaining("is a link to");
    }

    @Test
    void writingIntoTheSkillsOrMemoryVolumeIsRefusedAsReadOnly() {
        for (Path target : List.of(skills.resolve("kubectl.md"), skills.resolve("new.md"), memory.resolve("MEMORY.md"), memory)) {
            assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting(target.toString()))
                    .withMessageContaining("is read-only");
        }
        assertThat(skills.resolve("kubectl.md")).hasContent("skill");
    }

    @Test
    void writingCreatesTheMissingParentDirectories() throws IOException {
        Path target = paths.forWriting("reports/2024/01/summary.md");

        assertThat(target).isEqualTo(workspace.resolve("reports/2024/01/summary.md"));
        assertThat(workspace.resolve("reports/2024/01")).isDirectory();
        assertThat(target).doesNotExist();
    }

    @Test
    void writingOverAnExistingFileIsAllowed() throws IOException {
        assertThat(paths.forWriting("notes.txt")).isEqualTo(workspace.resolve("notes.txt"));
    }

    @Test
    void writingOverAnExistingLinkIsRefusedEvenWhenItPointsInside() throws IOException {
        Files.createSymbolicLink(workspace.resolve("alias.txt"), workspace.resolve("notes.txt"));
        Files.createSymbolicLink(workspace.resolve("dangling.txt"), root.resolve("does-not-exist-yet"));

        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting("alias.txt"))
                .withMessageContaining("is a symbolic link");
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting("dangling.txt"))
                .withMessageContaining("is a symbolic link");
        assertThat(root.resolve("does-not-exist-yet")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "", "sub/.."})
    void theWorkspaceItselfIsNotAFileToWrite(String suffix) {
        String requested = suffix.isEmpty() ? workspace.toString() : suffix;

        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting(requested))
                .withMessageContaining("is a directory");
    }

    @Test
    void aMissingFileIsNotReadable() {
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forReading("missing.txt"))
                .withMessageContaining("does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt\0", "\0", "a\0/../notes.txt"})
    void aPathWithANulCharacterIsRefused(String requested) {
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forReading(requested))
                .withMessage("the path contains a NUL character");
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting(requested))
                .withMessage("the path contains a NUL character");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t"})
    void anEmptyPathIsRefused(String requested) {
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forReading(requested))
                .withMessage("the path is empty");
        assertThatIllegalArgumentException().isThrownBy(() -> paths.forWriting(requested))
                .withMessage("the path is empty");
    }

    @Test
    void theWorkspaceIsNormalisedAndAbsolute() {
        assertThat(new ConfinedPaths(workspace.resolve("sub/.."), List.of()).workspace()).isEqualTo(workspace);
    }
}

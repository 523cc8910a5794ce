package io.kubeclaw.runner.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromptAssemblerTest {

    private static final String LEARNED = "## What you have learned in earlier runs";

    @TempDir
    Path root;

    private Path skills;
    private Path memory;

    @BeforeEach
    void volumes() throws IOException {
        skills = Files.createDirectories(root.resolve("skills"));
        memory = Files.createDirectories(root.resolve("memory"));
    }

    @Test
    void withNothingElseThePromptIsTheBaseInstructions() throws IOException {
        assertThat(PromptAssembler.systemPrompt(null, skills, memory, true)).isEqualTo(PromptAssembler.BASE);
    }

    @Test
    void missingVolumesAreNoSections() throws IOException {
        assertThat(PromptAssembler.systemPrompt(null, root.resolve("none"), root.resolve("none-either"), true))
                .isEqualTo(PromptAssembler.BASE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  \n "})
    void aBlankRunPromptAddsNothing(String runPrompt) throws IOException {
        assertThat(PromptAssembler.systemPrompt(runPrompt, skills, memory, false)).isEqualTo(PromptAssembler.BASE);
    }

    @Test
    void theRunPromptFollowsTheBaseStripped() throws IOException {
        assertThat(PromptAssembler.systemPrompt("\n  Be brief.  \n", skills, memory, false))
                .isEqualTo(PromptAssembler.BASE + "\n\nBe brief.");
    }

    @Test
    void skillsComeSortedByFileNameEachUnderItsTitle() throws IOException {
        Files.writeString(skills.resolve("kubectl.md"), "Use kubectl.");
        Files.writeString(skills.resolve("argo-cd.md"), "Use Argo CD.");
        Files.writeString(skills.resolve("helm.md"), "Use helm.");

        String prompt = PromptAssembler.systemPrompt("Run prompt.", skills, memory, false);

        assertThat(prompt).isEqualTo(PromptAssembler.BASE + "\n\nRun prompt."
                + "\n\n## Skill: argo-cd\n\nUse Argo CD."
                + "\n\n## Skill: helm\n\nUse helm."
                + "\n\n## Skill: kubectl\n\nUse kubectl.");
    }

    @Test
    void hiddenFilesOtherExtensionsAndDirectoriesAreNotSkills() throws IOException {
        Files.writeString(skills.resolve("kubectl.md"), "Use kubectl.");
        Files.writeString(skills.resolve(".hidden.md"), "hidden");
        Files.writeString(skills.resolve("notes.txt"), "text");
        Files.writeString(skills.resolve("README.markdown"), "markdown");
        Files.createDirectories(skills.resolve("folder.md"));
        // A ConfigMap volume's own bookkeeping: ..data is a link to the current version directory.
        Path version = Files.createDirectories(skills.resolve("..2024_01_01_00_00_00.1"));
        Files.writeString(version.resolve("kubectl.md"), "Use kubectl.");
        Files.createSymbolicLink(skills.resolve("..data"), version.getFileName());
        Files.createSymbolicLink(skills.resolve("..data.md"), version.resolve("kubectl.md"));

        String prompt = PromptAssembler.systemPrompt(null, skills, memory, false);

        assertThat(prompt).isEqualTo(PromptAssembler.BASE + "\n\n## Skill: kubectl\n\nUse kubectl.");
    }

    @Test
    void aConfigMapKeyLinkedThroughDataIsASkill() throws IOException {
        Path version = Files.createDirectories(skills.resolve("..2024_01_01_00_00_00.1"));
        Files.writeString(version.resolve("helm.md"), "Use helm.");
        Files.createSymbolicLink(skills.resolve("..data"), version.getFileName());
        Files.createSymbolicLink(skills.resolve("helm.md"), Path.of("..data/helm.md"));

        assertThat(PromptAssembler.systemPrompt(null, skills, memory, false)).endsWith("## Skill: helm\n\nUse helm.");
    }

    @Test
    void enabledMemoryFollowsTheBaseStripped() throws IOException {
        Files.writeString(memory.resolve(PromptAssembler.MEMORY_FILE), "\nThe team prefers Helm.\n");

        assertThat(PromptAssembler.systemPrompt(null, skills, memory, true))
                .isEqualTo(PromptAssembler.BASE + "\n\n" + LEARNED + "\n\nThe team prefers Helm.");
    }

    @Test
    void disabledMemoryIsLeftOut() throws IOException {
        Files.writeString(memory.resolve(PromptAssembler.MEMORY_FILE), "The team prefers Helm.");

        assertThat(PromptAssembler.systemPrompt(null, skills, memory, false)).isEqualTo(PromptAssembler.BASE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n\t\n"})
    void blankMemoryIsLeftOut(String content) throws IOException {
        Files.writeString(memory.resolve(PromptAssembler.MEMORY_FILE), content);

        assertThat(PromptAssembler.systemPrompt(null, skills, memory, true)).doesNotContain(LEARNED);
    }

    @Test
    void memoryComesAfterTheSkills() throws IOException {
        Files.writeString(skills.resolve("kubectl.md"), "Use kubectl.");
        Files.writeString(memory.resolve(PromptAssembler.MEMORY_FILE), "Learned.");

        assertThat(PromptAssembler.systemPrompt("Run prompt.", skills, memory, true)).isEqualTo(PromptAssembler.BASE
                + "\n\nRun prompt.\n\n## Skill: kubectl\n\nUse kubectl.\n\n" + LEARNED + "\n\nLearned.");
    }

    @Test
    void aSkillOver64KibIsCut() throws IOException {
        Files.writeString(skills.resolve("big.md"), "a".repeat(PromptAssembler.MAX_SECTION_BYTES) + "TAIL");

        String prompt = PromptAssembler.systemPrompt(null, skills, memory, false);

        assertThat(prompt).isEqualTo(PromptAssembler.BASE + "\n\n## Skill: big\n\n"
                + "a".repeat(PromptAssembler.MAX_SECTION_BYTES) + "\n[cut at 64 KiB]");
    }

    @Test
    void aSkillOfExactly64KibIsNotCut() throws IOException {
        Files.writeString(skills.resolve("full.md"), "a".repeat(PromptAssembler.MAX_SECTION_BYTES));

        String prompt = PromptAssembler.systemPrompt(null, skills, memory, false);

        assertThat(prompt).endsWith("a".repeat(PromptAssembler.MAX_SECTION_BYTES)).doesNotContain("[cut at 64 KiB]");
    }

    @Test
    void memoryOver64KibIsCut() throws IOException {
        Files.writeString(memory.resolve(PromptAssembler.MEMORY_FILE), "m".repeat(PromptAssembler.MAX_SECTION_BYTES + 10));

        String prompt = PromptAssembler.systemPrompt(null, skills, memory, true);

        assertThat(prompt).endsWith(LEARNED + "\n\n" + "m".repeat(PromptAssembler.MAX_SECTION_BYTES) + "\n[cut at 64 KiB]");
    }
}

package io.kubeclaw.runner.prompt;

import io.kubeclaw.runner.text.CappedText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The system prompt of a run: KubeClaw's instructions, then the run's own system prompt, then each skill
 * ({@code /skills/*.md}) as instructions, then the instance's memory ({@code /memory/MEMORY.md}) as what the agent
 * has learned. Skills and memory are capped so that a large ConfigMap cannot crowd out the task.
 */
public final class PromptAssembler {

    static final int MAX_SECTION_BYTES = 64 * 1024;
    public static final String MEMORY_FILE = "MEMORY.md";

    static final String BASE = """
            You are a KubeClaw agent running as a Kubernetes pod. Work on the task with the tools you are offered; \
            a tool's answer starting with "refused:" or "failed:" tells you why it did not run. \
            When you are done, answer with your final result as plain text. \
            To remember something for later runs of this instance, end the answer with a block \
            <memory>what to remember</memory>; it is added to the instance's memory.""";

    private PromptAssembler() {
    }

    public static String systemPrompt(String runPrompt, Path skills, Path memory, boolean memoryEnabled) throws IOException {
        List<String> sections = new ArrayList<>();
        sections.add(BASE);
        if (runPrompt != null && !runPrompt.isBlank()) {
            sections.add(runPrompt.strip());
        }
        for (Path skill : skillFiles(skills)) {
            sections.add("## Skill: " + stem(skill) + "\n\n" + capped(skill));
        }
        Path memoryFile = memory.resolve(MEMORY_FILE);
        if (memoryEnabled && Files.isRegularFile(memoryFile)) {
            String learned = capped(memoryFile).strip();
            if (!learned.isEmpty()) {
                sections.add("## What you have learned in earlier runs\n\n" + learned);
            }
        }
        return String.join("\n\n", sections);
    }

    private static List<Path> skillFiles(Path skills) throws IOException {
        if (!Files.isDirectory(skills)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(skills)) {
            // ConfigMap volumes hold hidden ..data links beside the keys; only the keys count.
            return files.filter(f -> f.getFileName().toString().endsWith(".md") && !f.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String capped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CappedText.read(in, MAX_SECTION_BYTES).withNote("[cut at 64 KiB]");
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".md".length());
    }
}

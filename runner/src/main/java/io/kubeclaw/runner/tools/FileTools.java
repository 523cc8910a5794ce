package io.kubeclaw.runner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.kubeclaw.runner.text.CappedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** {@code read_file}, {@code write_file} and {@code list_directory}, all through {@link ConfinedPaths}. */
public final class FileTools {

    static final int MAX_READ_BYTES = 256 * 1024;
    static final int MAX_WRITE_BYTES = 1024 * 1024;
    static final int MAX_ENTRIES = 500;

    private FileTools() {
    }

    public static List<AgentTool> all(ConfinedPaths paths) {
        return List.of(new ReadFile(paths), new WriteFile(paths), new ListDirectory(paths));
    }

    private static JsonObjectSchema pathSchema(String description) {
        return JsonObjectSchema.builder().addStringProperty("path", description).required("path").build();
    }

    record ReadFile(ConfinedPaths paths) implements AgentTool {
        @Override
        public ToolSpecification specification() {
            return ToolSpecification.builder().name("read_file")
                    .description("Read a text file from /workspace, /skills or /memory (at most 256 KiB).")
                    .parameters(pathSchema("Path of the file; relative paths are inside /workspace.")).build();
        }

        @Override
        public ToolOutcome call(String callId, JsonNode arguments) throws IOException {
            Path file = paths.forReading(ToolArguments.requiredText(arguments, "path"));
            if (Files.isDirectory(file)) {
                return ToolOutcome.refused(file + " is a directory: use list_directory");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return ToolOutcome.ok(CappedText.read(in, MAX_READ_BYTES).withNote("[truncated: the file is longer than 256 KiB]"));
            }
        }
    }

    record WriteFile(ConfinedPaths paths) implements AgentTool {
        @Override
        public ToolSpecification specification() {
            return ToolSpecification.builder().name("write_file")
                    .description("Write a text file in /workspace, replacing it if it exists; parent directories are created.")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("path", "Path of the file; relative paths are inside /workspace.")
                            .addStringProperty("content", "The complete new content.")
                            .required("path", "content").build())
                    .build();
        }

        @Override
        public ToolOutcome call(String callId, JsonNode arguments) throws IOException {
            String content = arguments.path("content").isTextual() ? arguments.get("content").asText() : null;
            if (content == null) {
                return ToolOutcome.refused("argument \"content\" (a string) is missing");
            }
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_WRITE_BYTES) {
                return ToolOutcome.refused("the content is " + bytes.length + " bytes; write_file takes at most 1 MiB");
            }
            Path file = paths.forWriting(ToolArguments.requiredText(arguments, "path"));
            // NOFOLLOW_LINKS makes the open itself refuse a link, closing the gap between the check and the write.
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                out.write(bytes);
            }
            return ToolOutcome.ok("wrote " + bytes.length + " bytes to " + file);
        }
    }

    record ListDirectory(ConfinedPaths paths) implements AgentTool {
        @Override
        public ToolSpecification specification() {
            return ToolSpecification.builder().name("list_directory")
                    .description("List a directory in /workspace, /skills or /memory: one entry per line, directories end with /.")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("path", "The directory; relative paths are inside /workspace, \".\" is /workspace itself.")
                            .build())
                    .build();
        }

        @Override
        public ToolOutcome call(String callId, JsonNode arguments) throws IOException {
            String requested = ToolArguments.optionalText(arguments, "path");
            Path dir = paths.forReading(requested == null || requested.isBlank() ? "." : requested);
            if (!Files.isDirectory(dir)) {
                return ToolOutcome.refused(dir + " is not a directory");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                List<String> names = entries.sorted()
                        .map(entry -> entry.getFileName() + (Files.isDirectory(entry) ? "/" : ""))
                        .filter(name -> !name.startsWith(".."))
                        .limit(MAX_ENTRIES + 1L).toList();
                String listing = String.join("\n", names.subList(0, Math.min(names.size(), MAX_ENTRIES)));
                return ToolOutcome.ok(names.size() > MAX_ENTRIES ? listing + "\n[more than " + MAX_ENTRIES + " entries; listing cut]"
                        : names.isEmpty() ? "(empty)" : listing);
            }
        }
    }
}

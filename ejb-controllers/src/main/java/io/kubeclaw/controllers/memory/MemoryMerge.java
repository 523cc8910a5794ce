package io.kubeclaw.controllers.memory;

import io.kubeclaw.controllers.memory.MemoryDocument.Section;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Appends a finished run's memory update to an instance's MEMORY.md as a dated section ({@link MemoryDocument}),
 * keeping the file within memory.maxSizeKB.
 *
 * <p>The rules, in order:
 * <ul>
 *   <li>A null or blank update leaves the memory as it is.</li>
 *   <li>An update from a run that already has a section, or whose body equals an existing section's body once
 *       whitespace is collapsed, leaves the memory as it is, so a retried merge changes nothing.</li>
 *   <li>Otherwise the update is appended and, while the file exceeds the cap, the oldest sections are dropped.</li>
 *   <li>If the new section alone still exceeds the cap, its body is cut at a character boundary and ends with
 *       {@link #TRUNCATED_MARKER}.</li>
 *   <li>The preamble (text before the first section) is always kept, even beyond the cap. If it leaves no room for
 *       any of the update, the memory is left as it is rather than losing sections for nothing.</li>
 * </ul>
 * A merge that changes the memory also normalises its layout: CRLF becomes LF and sections are separated by one
 * blank line.
 */
public final class MemoryMerge {

    static final String TRUNCATED_MARKER = "_[truncated to fit memory.maxSizeKB]_";

    private MemoryMerge() {
    }

    public static String merge(String existingMemoryMd, String update, String runName, Instant completedAt, int maxSizeKB) {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(completedAt, "completedAt");
        if (maxSizeKB < 1) {
            throw new IllegalArgumentException("maxSizeKB must be at least 1, was " + maxSizeKB);
        }
        String existing = existingMemoryMd == null ? "" : existingMemoryMd;
        if (update == null || update.isBlank()) {
            return existing;
        }
        MemoryDocument memory = MemoryDocument.parse(existing);
        Section added = Section.of(completedAt, runName, MemoryDocument.escapeHeadings(MemoryDocument.trimBlankLines(update)));
        String addedBody = normalised(added.body());
        boolean alreadyMerged = memory.sections().stream()
                .anyMatch(section -> section.runName().equals(runName) || normalised(section.body()).equals(addedBody));
        if (alreadyMerged) {
            return existing;
        }
        return withinCap(memory, added, maxSizeKB * 1024L).map(MemoryDocument::render).orElse(existing);
    }

    /** The memory with the section appended and the oldest sections dropped to fit, or empty if none of it fits. */
    private static Optional<MemoryDocument> withinCap(MemoryDocument memory, Section added, long capBytes) {
        List<Section> kept = new ArrayList<>(memory.sections());
        kept.add(added);
        long size = size(new MemoryDocument(memory.preamble(), kept));
        while (size > capBytes && kept.size() > 1) {
            // Each part after the first is preceded by one separating newline; dropping a section removes one.
            size -= utf8Length(kept.removeFirst().render()) + 1;
        }
        if (size <= capBytes) {
            return Optional.of(new MemoryDocument(memory.preamble(), kept));
        }
        long room = capBytes - (size - utf8Length(added.render()));
        long overhead = utf8Length(added.withBody("\n" + TRUNCATED_MARKER).render());
        String cut = utf8Prefix(added.body(), room - overhead).stripTrailing();
        if (cut.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MemoryDocument(memory.preamble(), List.of(added.withBody(cut + "\n" + TRUNCATED_MARKER))));
    }

    private static long size(MemoryDocument document) {
        List<String> parts = document.parts();
        return parts.stream().mapToLong(MemoryMerge::utf8Length).sum() + Math.max(parts.size() - 1, 0);
    }

    private static String normalised(String body) {
        return body.strip().replaceAll("\\s+", " ");
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of at most maxBytes in UTF-8 that does not split a code point. */
    private static String utf8Prefix(String text, long maxBytes) {
        long bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int length = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + length > maxBytes) {
                break;
            }
            bytes += length;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}

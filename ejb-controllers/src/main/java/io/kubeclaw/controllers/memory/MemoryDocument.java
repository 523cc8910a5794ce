package io.kubeclaw.controllers.memory;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * MEMORY.md as a free-form preamble followed by run sections, oldest first, each under a heading
 * {@code ## 2026-11-24T10:15:00Z — run <runName>}. Only headings of exactly that shape start a section, so a run's
 * own Markdown headings stay inside its body.
 */
record MemoryDocument(String preamble, List<Section> sections) {

    private static final Pattern HEADING = Pattern.compile("## (\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z) — run (\\S+)");
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(?:[ \\t]*\\R)+");

    MemoryDocument {
        sections = List.copyOf(sections);
    }

    record Section(String heading, String runName, String body) {

        static Section of(Instant completedAt, String runName, String body) {
            String instant = DateTimeFormatter.ISO_INSTANT.format(completedAt.truncatedTo(ChronoUnit.SECONDS));
            return new Section("## " + instant + " — run " + runName, runName, body);
        }

        Section withBody(String newBody) {
            return new Section(heading, runName, newBody);
        }

        String render() {
            return body.isEmpty() ? heading + "\n" : heading + "\n\n" + body + "\n";
        }
    }

    static MemoryDocument parse(String markdown) {
        List<String> preambleLines = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Matcher current = null;
        List<String> bodyLines = new ArrayList<>();
        for (String line : markdown.lines().toList()) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                if (current != null) {
                    sections.add(section(current, bodyLines));
                }
                current = heading;
                bodyLines = new ArrayList<>();
            } else {
                (current == null ? preambleLines : bodyLines).add(line);
            }
        }
        if (current != null) {
            sections.add(section(current, bodyLines));
        }
        return new MemoryDocument(trimBlankLines(String.join("\n", preambleLines)), sections);
    }

    /** Lines shaped like a section heading, backslash-escaped: Markdown shows them as text and they cannot start a section. */
    static String escapeHeadings(String markdown) {
        return markdown.lines()
                .map(line -> HEADING.matcher(line).matches() ? "\\" + line : line)
                .collect(Collectors.joining("\n"));
    }

    /** Drops blank lines around the text but keeps the first line's indentation, which Markdown may need. */
    static String trimBlankLines(String text) {
        return LEADING_BLANK_LINES.matcher(text.stripTrailing()).replaceFirst("");
    }

    /** The preamble, if any, and each section, in order; the document is these joined by blank lines. */
    List<String> parts() {
        Stream<String> preamblePart = preamble.isEmpty() ? Stream.empty() : Stream.of(preamble + "\n");
        return Stream.concat(preamblePart, sections.stream().map(Section::render)).toList();
    }

    String render() {
        return String.join("\n", parts());
    }

    private static Section section(Matcher heading, List<String> bodyLines) {
        return new Section(heading.group(), heading.group(2), trimBlankLines(String.join("\n", bodyLines)));
    }
}

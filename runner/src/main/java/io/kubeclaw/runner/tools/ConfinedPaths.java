package io.kubeclaw.runner.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Confines the file tools to the run's volumes: {@code /workspace} read-write, {@code /skills} and {@code /memory}
 * read-only. A path is checked component by component (so {@code /workspacefoo} is not inside {@code /workspace},
 * the prefix bug of KubeClaw's string check), after removing {@code ..}, and again after resolving symbolic links, so
 * neither traversal nor a link pointing outside escapes.
 */
public final class ConfinedPaths {

    private final Path workspace;
    private final List<Path> readOnly;

    public ConfinedPaths(Path workspace, List<Path> readOnly) {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.readOnly = readOnly.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    public Path workspace() {
        return workspace;
    }

    /** The file to read: inside any of the volumes, links resolved. */
    public Path forReading(String requested) throws IOException {
        Path lexical = lexical(requested);
        Path root = rootOf(lexical, true).orElseThrow(() -> outside(requested));
        if (!Files.exists(lexical, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(requested + " does not exist");
        }
        Path real = lexical.toRealPath();
        if (!real.startsWith(realOf(root))) {
            throw new IllegalArgumentException(requested + " is a link to " + real + ", outside " + root);
        }
        return real;
    }

    /**
     * The file to write: inside {@code /workspace}, with missing parent directories created there. The file itself
     * must not be a link; the writer opens it without following links, so a link planted later fails the write.
     */
    public Path forWriting(String requested) throws IOException {
        Path lexical = lexical(requested);
        Path root = rootOf(lexical, false).orElseThrow(() -> rootOf(lexical, true).isPresent()
                ? new IllegalArgumentException(requested + " is read-only: only " + workspace + " may be written")
                : outside(requested));
        if (lexical.equals(root)) {
            throw new IllegalArgumentException(requested + " is a directory");
        }
        Path parent = lexical.getParent();
        Path existing = parent;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (!existing.toRealPath().startsWith(realOf(root))) {
            throw new IllegalArgumentException(requested + " leads through a link to " + existing.toRealPath() + ", outside " + root);
        }
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(realOf(root))) {
            throw new IllegalArgumentException(requested + " leads through a link outside " + root);
        }
        if (Files.isSymbolicLink(lexical)) {
            throw new IllegalArgumentException(requested + " is a symbolic link; write_file does not follow links");
        }
        return lexical;
    }

    /** Relative paths are relative to the workspace; {@code ..} is resolved without touching the file system. */
    private Path lexical(String requested) {
        if (requested == null || requested.isBlank()) {
            throw new IllegalArgumentException("the path is empty");
        }
        if (requested.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the path contains a NUL character");
        }
        Path path = Path.of(requested);
        return (path.isAbsolute() ? path : workspace.resolve(path)).normalize();
    }

    private Optional<Path> rootOf(Path lexical, boolean includeReadOnly) {
        if (lexical.startsWith(workspace)) {
            return Optional.of(workspace);
        }
        return includeReadOnly ? readOnly.stream().filter(lexical::startsWith).findFirst() : Optional.empty();
    }

    private IllegalArgumentException outside(String requested) {
        return new IllegalArgumentException(requested + " is outside the run's volumes (" + workspace
                + (readOnly.isEmpty() ? "" : ", read-only " + readOnly) + ")");
    }

    private static Path realOf(Path root) throws IOException {
        return Files.exists(root) ? root.toRealPath() : root;
    }
}

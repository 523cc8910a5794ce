package io.kubeclaw.api.ipc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes and claims files so that a reader never sees half of one: content goes to a hidden temporary file in the
 * same directory and is renamed into place, which POSIX makes atomic within one file system.
 */
public final class AtomicFiles {

    /** Temporary files start with this; readers skip them. */
    public static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} atomically, replacing an older file of that name. */
    public static void write(Path target, String content) throws IOException {
        Path temp = target.resolveSibling(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves {@code source} to {@code claimed} atomically. Of several processes claiming the same file exactly one
     * gets true: the others find the source gone.
     */
    public static boolean claim(Path source, Path claimed) throws IOException {
        try {
            Files.move(source, claimed, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot claim " + source + " atomically: /ipc must be one local file system", e);
        }
    }

    public static boolean isTemporary(Path file) {
        return file.getFileName().toString().startsWith(TEMP_PREFIX);
    }
}

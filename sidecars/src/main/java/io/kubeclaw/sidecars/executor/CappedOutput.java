package io.kubeclaw.sidecars.executor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a process's stream to its end, keeping only the first {@code cap} bytes, so a chatty command cannot fill memory. */
final class CappedOutput {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int cap;
    private boolean truncated;

    CappedOutput(int cap) {
        this.cap = cap;
    }

    /** Drains {@code in}; the process blocks if its pipe is not read, so everything beyond the cap is read and dropped. */
    void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                int room = cap - kept.size();
                if (room > 0) {
                    kept.write(buffer, 0, Math.min(room, n));
                }
                if (n > room) {
                    truncated = true;
                }
            }
        } catch (IOException e) {
            // The process was killed while we read: keep what we have.
            if (!"Stream closed".equals(e.getMessage())) {
                throw new UncheckedIOException(e);
            }
        }
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean truncated() {
        return truncated;
    }
}

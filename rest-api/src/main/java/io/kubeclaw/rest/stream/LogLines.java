package io.kubeclaw.rest.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A log split into lines as it arrives. A line longer than {@code maxLength} is passed on in pieces of that length,
 * so an agent printing megabytes without a newline cannot make the server buffer them.
 */
final class LogLines {

    private LogLines() {
    }

    /** Reads until the end of the stream; a last line without a newline is passed on too. */
    static void read(InputStream log, int maxLength, Consumer<String> lines) throws IOException {
        Reader reader = new InputStreamReader(log, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder();
        char[] buffer = new char[8192];
        boolean carriageReturn = false;
        // A line cut at maxLength that then ends is one line, not that piece and an empty one.
        boolean justCut = false;
        for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
            for (int i = 0; i < read; i++) {
                char c = buffer[i];
                if (c == '\n' || c == '\r') {
                    if (!(c == '\n' && carriageReturn) && !justCut) {
                        lines.accept(line.toString());
                        line.setLength(0);
                    }
                    carriageReturn = c == '\r';
                    justCut = false;
                    continue;
                }
                carriageReturn = false;
                justCut = false;
                line.append(c);
                if (line.length() == maxLength) {
                    lines.accept(line.toString());
                    line.setLength(0);
                    justCut = true;
                }
            }
        }
        if (!line.isEmpty()) {
            lines.accept(line.toString());
        }
    }
}

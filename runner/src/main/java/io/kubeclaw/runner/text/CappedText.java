package io.kubeclaw.runner.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The start of a stream as UTF-8 text, at most {@code maxBytes}, and whether there was more: files, web pages and
 * skill or memory sections all reach the model through this cap, so none can crowd out the rest of the context.
 */
public record CappedText(String text, boolean truncated) {

    public static CappedText read(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        return new CappedText(new String(bytes, 0, Math.min(bytes.length, maxBytes), StandardCharsets.UTF_8), bytes.length > maxBytes);
    }

    /** The text, followed on a line of its own by {@code note} when it was cut. */
    public String withNote(String note) {
        return truncated ? text + "\n" + note : text;
    }
}

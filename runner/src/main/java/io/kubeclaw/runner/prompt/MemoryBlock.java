package io.kubeclaw.runner.prompt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits the model's final answer into the answer and the {@code <memory>} block it asked to remember. */
public record MemoryBlock(String answer, String memoryUpdate) {

    private static final Pattern BLOCK = Pattern.compile("<memory>(.*?)</memory>", Pattern.DOTALL);

    public static MemoryBlock split(String finalText) {
        String text = finalText == null ? "" : finalText;
        Matcher m = BLOCK.matcher(text);
        StringBuilder remembered = new StringBuilder();
        while (m.find()) {
            String part = m.group(1).strip();
            if (!part.isEmpty()) {
                remembered.append(remembered.isEmpty() ? "" : "\n").append(part);
            }
        }
        String answer = BLOCK.matcher(text).replaceAll("").strip();
        return new MemoryBlock(answer, remembered.isEmpty() ? null : remembered.toString());
    }
}

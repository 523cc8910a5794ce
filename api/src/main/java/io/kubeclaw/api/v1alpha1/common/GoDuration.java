package io.kubeclaw.api.v1alpha1.common;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the Go-style durations the CRD schema accepts ("500ms", "90s", "1h30m") into a {@link Duration}. */
public final class GoDuration {

    private static final Pattern WHOLE = Pattern.compile(SchemaPatterns.DURATION);
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");

    private GoDuration() {
    }

    /** The parsed duration, or {@code fallback} when {@code text} is null or blank. */
    public static Duration parse(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (!WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration like 90s, 30m or 1h30m");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    default -> Duration.ofMillis(amount);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is too long a duration");
        }
        return total;
    }
}

package io.kubeclaw.controllers.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic names of what a run owns, so a restarted controller finds them instead of creating twins. */
final class RunResourceNames {

    private static final int MAX = 63;

    private RunResourceNames() {
    }

    static String job(String run) {
        return bounded(run, "-run");
    }

    static String serviceAccount(String run) {
        return bounded(run, "-agent");
    }

    /** {@code base + suffix}, shortened with a hash of {@code base} when it would pass 63 characters. */
    static String bounded(String base, String suffix) {
        if (base.length() + suffix.length() <= MAX) {
            return base + suffix;
        }
        String hash = sha256(base).substring(0, 8);
        String head = base.substring(0, MAX - suffix.length() - hash.length() - 1).replaceAll("-+$", "");
        return head + "-" + hash + suffix;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.kubeclaw.controllers.ownership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of objects made on behalf of another: the owner's name plus a suffix, kept within 63 characters so
 * the name is also a valid label value, and the same on every reconcile so a restarted controller finds it.
 */
public final class OwnedNames {

    private static final int MAX = 63;

    private OwnedNames() {
    }

    /** {@code base + suffix}, shortened with a hash of {@code base} when it would pass 63 characters. */
    public static String bounded(String base, String suffix) {
        if (base.length() + suffix.length() <= MAX) {
            return base + suffix;
        }
        String hash = sha256(base).substring(0, 8);
        // A name part may not end in '-' or '.', so neither may the cut-off head.
        String head = base.substring(0, MAX - suffix.length() - hash.length() - 1).replaceAll("[-.]+$", "");
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

package io.kubeclaw.rest.stream;

import java.nio.charset.StandardCharsets;

/**
 * Close reasons within WebSocket's 123 bytes (RFC 6455 5.5.1). The full text goes to the client in an error
 * frame first; the reason keeps what fits: the whole text, else its headline (up to the first ": "), else a cut.
 */
final class CloseReasons {

    static final int MAX_BYTES = 123;

    private CloseReasons() {
    }

    static String fit(String text) {
        if (fits(text)) {
            return text;
        }
        int headline = text.indexOf(": ");
        if (headline > 0 && fits(text.substring(0, headline))) {
            return text.substring(0, headline);
        }
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String next = new String(Character.toChars(codePoint));
            if (!fits(cut + next + "…")) {
                break;
            }
            cut.append(next);
            i += Character.charCount(codePoint);
        }
        return cut + "…";
    }

    /** Why a client that does not keep up is dropped, and where to resume its run events from (null: nowhere yet). */
    static String tooSlow(int framesQueued, long charsQueued, Long resumeAfter) {
        return "client too slow: " + framesQueued + " frames (" + Math.ceilDiv(charsQueued, 1024) + " KiB) queued; "
                + (resumeAfter == null ? "reconnect and subscribe again" : "reconnect with after=" + resumeAfter);
    }

    /** Why an open socket is closed when its token is no longer accepted (revoked, expired, its account deleted). */
    static String tokenWithdrawn(String why) {
        return fit("token no longer accepted: connect again with a valid token (" + why + ")");
    }

    private static boolean fits(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}

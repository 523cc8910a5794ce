package io.kubeclaw.testsupport.llm;

import java.util.ArrayList;
import java.util.List;

/** Cuts text into a few pieces for streamed deltas, so clients must join them as they would with a real model. */
final class Pieces {

    private static final int PIECES = 3;

    private Pieces() {
    }

    /** At most three non-empty pieces, never splitting a surrogate pair; none for empty text. */
    static List<String> of(String text) {
        List<String> pieces = new ArrayList<>();
        int codePoints = text.codePointCount(0, text.length());
        int perPiece = Math.max(1, (codePoints + PIECES - 1) / PIECES);
        int start = 0;
        while (start < text.length()) {
            int end = text.offsetByCodePoints(start, Math.min(perPiece, text.codePointCount(start, text.length())));
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }
}

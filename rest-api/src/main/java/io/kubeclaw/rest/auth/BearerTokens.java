package io.kubeclaw.rest.auth;

import java.util.Optional;

/** The token of an {@code Authorization: Bearer ...} header. */
final class BearerTokens {

    private static final String PREFIX = "bearer ";

    private BearerTokens() {
    }

    static Optional<String> fromHeader(String header) {
        if (header == null || header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String token = header.substring(PREFIX.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}

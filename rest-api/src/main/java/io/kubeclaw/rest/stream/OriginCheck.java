package io.kubeclaw.rest.stream;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which web pages may open the WebSocket. Browsers send the page's Origin and let any page connect anywhere, so
 * only origins listed in {@code kubeclaw.api.allowed-origins} are let in; clients that are not browsers (the
 * console, kubectl-like tools) send no Origin and are not affected. Tokens are never taken from cookies, so this
 * is defence in depth against cross-site WebSocket hijacking, not the only guard.
 */
final class OriginCheck {

    static final String CONFIG_KEY = "kubeclaw.api.allowed-origins";

    private final List<String> allowed;

    OriginCheck(List<String> allowed) {
        this.allowed = allowed.stream().map(OriginCheck::normalized).toList();
    }

    /** Why a handshake from {@code origin} is refused; empty when it may connect. */
    Optional<String> refusal(String origin) {
        if (origin == null || allowed.contains(normalized(origin))) {
            return Optional.empty();
        }
        return Optional.of("origin \"" + origin + "\" is not in " + CONFIG_KEY + ": list it there (environment "
                + "KUBECLAW_API_ALLOWED_ORIGINS, comma-separated) to let pages from it use the API");
    }

    /** Scheme and host are case-insensitive and a trailing slash says nothing, as browsers serialise origins. */
    private static String normalized(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}

package io.kubeclaw.runner.provider;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import io.kubeclaw.runner.config.ProviderSettings;

/** Turns what a provider call threw into one sentence for the run's status: what went wrong and what to do. */
public final class ProviderFailure {

    private static final int DETAIL = 300;

    private ProviderFailure() {
    }

    public static String describe(Throwable failure, ProviderSettings provider) {
        String who = "provider " + provider.name().wireName() + " (model " + provider.model() + ")";
        Throwable cause = rootOf(failure);
        if (failure instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return who + " did not answer within " + provider.requestTimeout().toSeconds()
                    + " s; the request was abandoned (KUBECLAW_PROVIDER_TIMEOUT sets the limit)";
        }
        HttpException http = find(failure, HttpException.class);
        int status = http == null ? -1 : http.statusCode();
        if (failure instanceof AuthenticationException || status == 401 || status == 403) {
            return who + " refused the API key (HTTP " + status + "): check the Secret named in the ClawInstance's "
                    + "spec.provider.authSecretRef" + detail(failure);
        }
        if (failure instanceof RateLimitException || status == 429) {
            return who + " kept rate-limiting the run (HTTP 429)" + detail(failure);
        }
        if (failure instanceof ModelNotFoundException || status == 404) {
            return who + " does not know the model or endpoint (HTTP 404): check spec.provider.model and baseURL" + detail(failure);
        }
        if (status >= 500) {
            return who + " failed with HTTP " + status + detail(failure);
        }
        if (status >= 400) {
            return who + " rejected the request with HTTP " + status + detail(failure);
        }
        return who + " could not be used: " + truncate(String.valueOf(failure.getMessage() == null ? failure : failure.getMessage()));
    }

    private static String detail(Throwable failure) {
        return failure.getMessage() == null || failure.getMessage().isBlank() ? "" : ": " + truncate(failure.getMessage());
    }

    private static String truncate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= DETAIL ? oneLine : oneLine.substring(0, DETAIL) + "…";
    }

    private static Throwable rootOf(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable current = t; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}

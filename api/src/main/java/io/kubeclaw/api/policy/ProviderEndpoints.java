package io.kubeclaw.api.policy;

import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Where an instance's provider credential may be sent: a {@code baseURL} the instance names must be one a policy lists
 * in {@code allowedProviderURLs} (the URL itself, or one below it), or the key would go wherever a tenant points it.
 * A policy that lists none leaves it open; an instance that names none uses its provider's own endpoint.
 */
public final class ProviderEndpoints {

    private ProviderEndpoints() {
    }

    public static Optional<String> problem(ClawInstance instance, ClawPolicy policy) {
        String baseUrl = instance.getSpec().getProvider() == null ? null : instance.getSpec().getProvider().getBaseURL();
        List<String> allowed = policy.getSpec().getAllowedProviderURLs();
        if (baseUrl == null || baseUrl.isBlank() || allowed == null || allowed.stream().anyMatch(prefix -> within(baseUrl, prefix))) {
            return Optional.empty();
        }
        return Optional.of("spec.provider.baseURL " + baseUrl + " is not among " + PolicyBinding.describe(policy) + " allowedProviderURLs "
                + allowed + ": the provider's key would be sent there; use one of them, or ask for the URL to be allowed");
    }

    /** The URL itself, or one below it: a prefix without a trailing '/' must not admit {@code https://api.example.com.evil}. */
    static boolean within(String url, String allowed) {
        String base = allowed.endsWith("/") ? allowed : allowed + "/";
        return url.equals(allowed) || url.equals(base) || url.startsWith(base);
    }
}

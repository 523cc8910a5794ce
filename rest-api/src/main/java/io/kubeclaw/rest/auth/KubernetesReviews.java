package io.kubeclaw.rest.auth;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token and access reviews of this server, sharing one cache lifetime ({@code kubeclaw.api.review-cache}); tokens
 * are reviewed for the audience {@code kubeclaw.api.token-audience}.
 */
@ApplicationScoped
public class KubernetesReviews {

    /** The audience a token must be made for, unless configured otherwise. */
    public static final String TOKEN_AUDIENCE = "kubeclaw";

    private final TokenReviews tokens;
    private final AccessReviews access;

    @Inject
    public KubernetesReviews(KubernetesClient client,
                             @ConfigProperty(name = "kubeclaw.api.token-audience", defaultValue = TOKEN_AUDIENCE) String audience,
                             @ConfigProperty(name = "kubeclaw.api.review-cache", defaultValue = "PT10S") Duration cacheFor) {
        this.tokens = TokenReviews.of(client, audience, cacheFor);
        this.access = AccessReviews.of(client, cacheFor);
    }

    /** For CDI's proxy only. */
    protected KubernetesReviews() {
        this.tokens = null;
        this.access = null;
    }

    public TokenReviews tokens() {
        return tokens;
    }

    public AccessReviews access() {
        return access;
    }
}

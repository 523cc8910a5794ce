package io.kubeclaw.rest.auth;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bearer tokens checked by the apiserver (TokenReview) for KubeClaw's audience: a token made with
 * {@code kubectl create token <sa> --audience kubeclaw} works here, a revoked one stops working within the cache's
 * time to live, and a token this API accepts is no credential for the apiserver itself (nor the other way round).
 * Tokens are cached by their SHA-256, never kept in clear.
 */
public final class TokenReviews {

    /** Why a token was not accepted, as a sentence for the caller (with the apiserver's words when it gave any). */
    public record Rejection(String reason) {
    }

    /** A review's answer: the caller, or why not. */
    public record Outcome(Optional<Caller> caller, Rejection rejection) {
    }

    private final Function<String, TokenReviewStatus> review;
    private final String audience;
    private final ExpiringCache<String, Outcome> cache;

    TokenReviews(Function<String, TokenReviewStatus> review, String audience, Duration timeToLive, Clock clock) {
        this.review = review;
        this.audience = audience;
        this.cache = new ExpiringCache<>(timeToLive, 10_000, clock);
    }

    public static TokenReviews of(KubernetesClient client, String audience, Duration timeToLive) {
        return new TokenReviews(token -> {
            TokenReview answer = client.authentication().v1().tokenReviews()
                    .create(new TokenReviewBuilder().withNewSpec().withToken(token).withAudiences(audience).endSpec().build());
            return answer.getStatus();
        }, audience, timeToLive, Clock.systemUTC());
    }

    public Outcome authenticate(String token) {
        return cache.get(sha256(token), digest -> outcomeOf(review.apply(token)));
    }

    private Outcome outcomeOf(TokenReviewStatus status) {
        if (status == null || !Boolean.TRUE.equals(status.getAuthenticated()) || status.getUser() == null) {
            String error = status == null || status.getError() == null || status.getError().isBlank() ? "the token is not valid" : status.getError();
            return new Outcome(Optional.empty(), new Rejection("the Kubernetes API server did not accept the token (" + error + ")"));
        }
        // An authenticator that ignores audiences answers without any: such a token is the apiserver's, not ours.
        if (status.getAudiences() == null || !status.getAudiences().contains(audience)) {
            return new Outcome(Optional.empty(), new Rejection("the token was not made for KubeClaw's audience \"" + audience
                    + "\" (a token for the Kubernetes API server is not accepted here)"));
        }
        UserInfo user = status.getUser();
        return new Outcome(Optional.of(new Caller(user.getUsername(), user.getUid(), user.getGroups(), user.getExtra())), null);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.kubeclaw.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.kubeclaw.rest.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {

    private final List<String> reviewed = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final TokenReviews tokens = new TokenReviews(this::review, "kubeclaw", Duration.ofSeconds(10), clock);

    private TokenReviewStatus review(String token) {
        reviewed.add(token);
        if (token.equals("good") || token.equals("for-the-apiserver")) {
            return new TokenReviewStatusBuilder().withAuthenticated(true).withNewUser()
                    .withUsername("system:serviceaccount:team-a:alice").withUid("u-1")
                    .withGroups("system:serviceaccounts", "system:serviceaccounts:team-a").endUser()
                    .withAudiences(token.equals("good") ? List.of("kubeclaw") : List.of()).build();
        }
        return new TokenReviewStatusBuilder().withAuthenticated(false).withError("[invalid bearer token, service account deleted]").build();
    }

    @Test
    void anAcceptedTokenNamesTheCallerAndIsReviewedOncePerTimeToLive() {
        Caller first = BearerTokenFilter.authenticate("Bearer good", tokens);
        Caller second = BearerTokenFilter.authenticate("bearer  good ", tokens);

        assertThat(first).isEqualTo(second);
        assertThat(first.username()).isEqualTo("system:serviceaccount:team-a:alice");
        assertThat(first.groups()).containsExactly("system:serviceaccounts", "system:serviceaccounts:team-a");
        assertThat(reviewed).containsExactly("good");
        clock.advance(Duration.ofSeconds(10));
        BearerTokenFilter.authenticate("Bearer good", tokens);
        assertThat(reviewed).containsExactly("good", "good");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer", "Bearer   ", "Basic YWxpY2U6c2VjcmV0", "good"})
    void noBearerTokenIs401SayingWhatToSend(String header) {
        assertThatThrownBy(() -> BearerTokenFilter.authenticate(header, tokens))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(401);
                    assertThat(e.problem().detail()).startsWith("no bearer token: send a Kubernetes bearer token")
                            .contains("kubectl create token");
                });
        assertThat(reviewed).isEmpty();
    }

    @Test
    void aTokenMadeForAnotherAudienceIs401SayingHowToMakeOneForKubeClaw() {
        assertThat(BearerTokenFilter.authenticate("Bearer good", tokens).username()).isEqualTo("system:serviceaccount:team-a:alice");
        assertThatThrownBy(() -> BearerTokenFilter.authenticate("Bearer for-the-apiserver", tokens))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(401);
                    assertThat(e.problem().detail()).isEqualTo("the token was not made for KubeClaw's audience \"kubeclaw\" (a token for the "
                            + "Kubernetes API server is not accepted here): send a Kubernetes "
                            + "bearer token made for KubeClaw, e.g. Authorization: Bearer $(kubectl create token <serviceaccount> -n <namespace> "
                            + "--audience kubeclaw)");
                });
    }

    @Test
    void aRejectedTokenIs401WithTheApiserversReason() {
        assertThatThrownBy(() -> BearerTokenFilter.authenticate("Bearer stale", tokens))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(401);
                    assertThat(e.problem().detail()).startsWith(
                            "the Kubernetes API server did not accept the token ([invalid bearer token, service account deleted])");
                });
    }

    @Test
    void aDeniedActionIs403NamingTheUserVerbResourceAndNamespace() {
        Caller alice = new Caller("system:serviceaccount:team-a:alice", "u-1", List.of(), Map.of());
        List<Access> asked = new ArrayList<>();
        AccessReviews reviews = new AccessReviews(question -> {
            asked.add(question.access());
            return new AccessReviews.Decision("team-a".equals(question.access().namespace()), null);
        }, Duration.ofSeconds(10), clock);

        Authorizer.require(alice, Access.kubeclaw("list", "agentruns", "team-a", null), reviews);
        Authorizer.require(alice, Access.kubeclaw("list", "agentruns", "team-a", null), reviews);
        assertThatThrownBy(() -> Authorizer.require(alice, Access.kubeclaw("list", "agentruns", "team-b", null), reviews))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(403);
                    assertThat(e.problem().detail()).isEqualTo("user \"system:serviceaccount:team-a:alice\" may not list "
                            + "agentruns.kubeclaw.io in namespace \"team-b\": kubectl auth can-i shows the same answer; ask for a Role that grants it");
                });
        assertThatThrownBy(() -> Authorizer.require(alice, Access.core("get", "pods", "log", "team-b", "run-1-pod"), reviews))
                .hasMessageContaining("may not get pods/log \"run-1-pod\" in namespace \"team-b\"");
        assertThat(asked).hasSize(3);
    }

    @Test
    void aNonResourceURLIsAskedAndCachedLikeAnyOtherQuestion() {
        Caller bob = new Caller("bob", "u-2", List.of(), Map.of());
        List<Access> asked = new ArrayList<>();
        AccessReviews reviews = new AccessReviews(question -> {
            asked.add(question.access());
            return new AccessReviews.Decision(false, null);
        }, Duration.ofSeconds(10), clock);

        assertThat(reviews.refusal(bob, Access.nonResource("get", "/metrics"))).contains("user \"bob\" may not get the non-resource URL "
                + "/metrics: kubectl auth can-i shows the same answer; ask for a Role that grants it");
        reviews.check(bob, Access.nonResource("get", "/metrics"));
        assertThat(asked).containsExactly(new Access("get", null, null, null, null, null, "/metrics"));
    }
}

package io.kubeclaw.rest.auth;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpecBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a caller may do something, asked of the apiserver (SubjectAccessReview): the same RBAC answer kubectl
 * gets, cached briefly per caller and question.
 */
public final class AccessReviews {

    /** The apiserver's answer; {@code reason} is its explanation when it gave one. */
    public record Decision(boolean allowed, String reason) {
    }

    record Question(Caller caller, Access access) {
    }

    private final Function<Question, Decision> review;
    private final ExpiringCache<Question, Decision> cache;

    AccessReviews(Function<Question, Decision> review, Duration timeToLive, Clock clock) {
        this.review = review;
        this.cache = new ExpiringCache<>(timeToLive, 50_000, clock);
    }

    public static AccessReviews of(KubernetesClient client, Duration timeToLive) {
        return new AccessReviews(question -> ask(client, question.caller(), question.access()), timeToLive, Clock.systemUTC());
    }

    public Decision check(Caller caller, Access access) {
        return cache.get(new Question(caller, access), review);
    }

    /** Why the caller may not do it, in words that name the user, verb, resource and namespace; empty when allowed. */
    public Optional<String> refusal(Caller caller, Access access) {
        if (check(caller, access).allowed()) {
            return Optional.empty();
        }
        return Optional.of("user \"" + caller.username() + "\" may not " + access.describe()
                + ": kubectl auth can-i shows the same answer; ask for a Role that grants it");
    }

    private static Decision ask(KubernetesClient client, Caller caller, Access access) {
        SubjectAccessReviewSpecBuilder spec = new SubjectAccessReviewSpecBuilder()
                .withUser(caller.username())
                .withUid(caller.uid())
                .withGroups(caller.groups())
                .withExtra(caller.extra());
        if (access.nonResourceURL() != null) {
            spec.withNewNonResourceAttributes().withVerb(access.verb()).withPath(access.nonResourceURL()).endNonResourceAttributes();
        } else {
            spec.withNewResourceAttributes()
                    .withVerb(access.verb())
                    .withGroup(access.group())
                    .withResource(access.resource())
                    .withSubresource(access.subresource())
                    .withNamespace(access.namespace())
                    .withName(access.name())
                    .endResourceAttributes();
        }
        SubjectAccessReviewStatus status = client.authorization().v1().subjectAccessReview()
                .create(new SubjectAccessReviewBuilder().withSpec(spec.build()).build()).getStatus();
        return new Decision(status != null && Boolean.TRUE.equals(status.getAllowed()) && !Boolean.TRUE.equals(status.getDenied()),
                status == null ? null : status.getReason());
    }
}

package io.kubeclaw.rest.auth;

import io.kubeclaw.rest.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Lets the request go on only if its caller may do the action, by the apiserver's RBAC: 403 otherwise. */
@RequestScoped
public class Authorizer {

    @Inject
    CurrentCaller current;
    @Inject
    KubernetesReviews reviews;

    public void require(Access access) {
        require(current.get(), access, reviews.access());
    }

    static void require(Caller caller, Access access, AccessReviews reviews) {
        reviews.refusal(caller, access).ifPresent(refusal -> {
            throw new ProblemException(403, "Forbidden", refusal);
        });
    }
}

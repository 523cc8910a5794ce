package io.kubeclaw.rest.auth;

import io.kubeclaw.rest.admission.AdmissionEndpoint;
import io.kubeclaw.rest.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Every API request carries a Kubernetes bearer token, which the apiserver must accept (TokenReview). */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    static final String HOW = "send a Kubernetes bearer token made for KubeClaw, e.g. Authorization: Bearer "
            + "$(kubectl create token <serviceaccount> -n <namespace> --audience " + KubernetesReviews.TOKEN_AUDIENCE + ")";

    @Inject
    KubernetesReviews reviews;
    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().replaceFirst("^/", "").startsWith(AdmissionEndpoint.PATH + "/")) {
            // The apiserver calls the admission webhook over TLS without a token; the webhook trusts the channel.
            return;
        }
        current.set(authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), reviews.tokens()));
    }

    /** The token of a bearer header, once {@link #authenticate} has accepted it. */
    public static String token(String header) {
        return BearerTokens.fromHeader(header).orElseThrow();
    }

    /** The caller a bearer header names, or a 401 saying what to send (also the WebSocket handshake's check). */
    public static Caller authenticate(String header, TokenReviews tokens) {
        String token = BearerTokens.fromHeader(header)
                .orElseThrow(() -> new ProblemException(401, "Unauthorized", "no bearer token: " + HOW));
        TokenReviews.Outcome outcome = tokens.authenticate(token);
        return outcome.caller().orElseThrow(() -> new ProblemException(401, "Unauthorized",
                outcome.rejection().reason() + ": " + HOW));
    }
}

package io.kubeclaw.rest.problem;

import jakarta.ws.rs.core.Response;

/** The one way a problem becomes a response. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

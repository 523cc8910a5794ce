package io.kubeclaw.rest.problem;

import jakarta.ws.rs.core.Response;

/** The standard phrase of an HTTP status, including the ones JAX-RS has no constant for. */
final class ReasonPhrases {

    private ReasonPhrases() {
    }

    static String of(int status) {
        if (status == 422) {
            return "Unprocessable Content";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}

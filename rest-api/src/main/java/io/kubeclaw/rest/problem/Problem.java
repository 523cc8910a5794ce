package io.kubeclaw.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error as RFC 9457 {@code application/problem+json}: {@code detail} is the sentence a user acts on,
 * and for errors the apiserver decided it is the apiserver's own message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error (RFC 9457): detail says what went wrong and what to do.")
public record Problem(String type, String title, int status, String detail, String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of a status, with the standard reason phrase as its title. */
    public static Problem of(int status, String reason, String detail) {
        return new Problem("about:blank", ReasonPhrases.of(status), status, detail, reason);
    }
}

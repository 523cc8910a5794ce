package io.kubeclaw.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/** What JAX-RS itself refuses (no such path, wrong method or media type, unreadable body), as a problem. */
@Provider
public class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String detail = switch (status) {
            case 400 -> "the request body could not be read: " + withoutInternals(RootCause.message(exception))
                    + "; send JSON matching the schema in /openapi";
            case 404 -> "there is no such API path; the paths are listed in /openapi";
            case 405 -> "this path does not take that HTTP method; the allowed ones are listed in /openapi";
            case 406 -> "this path answers application/json only";
            case 415 -> "this path does not accept that Content-Type; see /openapi for the one it takes";
            default -> exception.getMessage();
        };
        return ProblemResponses.of(Problem.of(status, ReasonPhrases.of(status).replace(" ", ""), detail));
    }

    /**
     * A parser's message without what only concerns the server: Java package names (a type is named by its simple
     * name, which the schema uses too) and the parser's source description.
     */
    static String withoutInternals(String message) {
        if (message == null) {
            return null;
        }
        return PACKAGE.matcher(SOURCE.matcher(message).replaceAll("")).replaceAll("$1").strip();
    }

    private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");
    private static final Pattern SOURCE = Pattern.compile("\\s*(?:at )?\\[Source: [^\\]]*\\]");
}

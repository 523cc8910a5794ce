package io.kubeclaw.rest.openapi;

import static io.kubeclaw.rest.openapi.Schemas.ref;

import io.kubeclaw.rest.problem.Problem;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Error responses as the exception mappers send them: every 4xx and 5xx is a {@link Problem} as
 * {@code application/problem+json}, and only they are; every operation can answer 401, since every call
 * needs a token. Responses are listed in status order.
 */
public final class ErrorResponses {

    /** What each status means across the API; an operation's own description of it is kept. */
    private static final Map<Integer, String> MEANING = Map.of(
            400, "The request is malformed: unreadable JSON, an unknown field or a bad parameter",
            401, "No bearer token, or the Kubernetes API server did not accept it",
            403, "RBAC does not allow the caller this action in the namespace",
            404, "No such resource in the namespace",
            409, "The name is taken, or metadata.resourceVersion is stale",
            422, "The Kubernetes API server found the resource invalid; detail is its message");

    // Declared in components by KubeClawApplication, from the record the mappers send.
    private static final String PROBLEM_SCHEMA = Problem.class.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class).name();

    private ErrorResponses() {
    }

    public static void describe(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            add(operation, 401);
            Map<String, APIResponse> inOrder = new TreeMap<>(operation.getResponses().getAPIResponses());
            inOrder.forEach((code, response) -> {
                if (isError(code) && response.getContent() == null) {
                    response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(ref(PROBLEM_SCHEMA))));
                } else if (!isError(code) && response.getContent() != null) {
                    // The scanner offers every type a class @Produces, but only errors are problems.
                    response.getContent().removeMediaType(Problem.MEDIA_TYPE);
                }
            });
            operation.getResponses().setAPIResponses(inOrder);
        }));
    }

    /** Declares that an operation can answer with these statuses, unless it already does. */
    static void add(Operation operation, int... statuses) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        for (int status : statuses) {
            if (!responses.hasAPIResponse(String.valueOf(status))) {
                APIResponse response = OASFactory.createAPIResponse().description(MEANING.get(status));
                responses.addAPIResponse(String.valueOf(status), response);
            }
        }
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }
}

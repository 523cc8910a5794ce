package io.kubeclaw.rest.openapi;

import static io.kubeclaw.rest.openapi.Schemas.ref;

import io.kubeclaw.rest.resources.CustomResourceEndpoint;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Types the operations every custom resource endpoint inherits from {@link CustomResourceEndpoint}: the
 * scanner sees them only with the unbound type variable, so it leaves their bodies untyped and drops the
 * success response where errors are declared. Each kind's operations get the same table, with its schemas.
 */
public final class CustomResourceOperations {

    /** What an operation answers on success, sends, and can fail with. */
    private record Row(HttpMethod method, boolean onItem, int success, String description,
                       Function<ResourceKind, Schema> answer, String bodyMediaType, String bodyDescription, int... errors) {
    }

    private static final List<Row> TABLE = List.of(
            new Row(HttpMethod.GET, false, 200, "One page of the list", kind -> ref(kind.pageName()), null, null,
                    400, 403),
            new Row(HttpMethod.POST, false, 201, "Created; Location is its URL", kind -> ref(kind.name()),
                    MediaType.APPLICATION_JSON, "The resource, as kubectl would apply it", 400, 403, 409, 422),
            new Row(HttpMethod.GET, true, 200, "The resource", kind -> ref(kind.name()), null, null,
                    403, 404),
            new Row(HttpMethod.PATCH, true, 200, "The resource as patched", kind -> ref(kind.name()),
                    CustomResourceEndpoint.MERGE_PATCH, "The fields to change, in the resource's shape; null removes one",
                    400, 403, 404, 409, 422),
            new Row(HttpMethod.DELETE, true, 204, "Deleted", kind -> null, null, null,
                    403, 404));

    /** A kind's sub-resources (memory, logs, feature gates) first read the resource itself. */
    private static final int[] SUB_RESOURCE_ERRORS = {403, 404};

    private CustomResourceOperations() {
    }

    public static void describe(OpenAPI openAPI, List<ResourceKind> kinds) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (ResourceKind kind : kinds) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.equals(kind.collectionPath()) || path.equals(kind.itemPath())) {
                    TABLE.stream().filter(row -> row.onItem() == path.equals(kind.itemPath()))
                            .forEach(row -> describe(item, row, kind));
                } else if (path.startsWith(kind.itemPath() + "/")) {
                    item.getOperations().values().forEach(operation -> ErrorResponses.add(operation, SUB_RESOURCE_ERRORS));
                }
            });
        }
    }

    private static void describe(PathItem item, Row row, ResourceKind kind) {
        Operation operation = item.getOperations().get(row.method());
        if (operation == null) {
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        success(operation.getResponses(), row, row.answer().apply(kind));
        if (row.bodyMediaType() != null && !describedByScanner(operation.getRequestBody())) {
            operation.setRequestBody(OASFactory.createRequestBody().required(true).description(row.bodyDescription())
                    .content(json(row.bodyMediaType(), ref(kind.name()))));
        }
        ErrorResponses.add(operation, row.errors());
    }

    // The one success response: the scanner's guesses (200 for a created Response, none beside a declared error) go.
    private static void success(APIResponses responses, Row row, Schema answer) {
        String code = String.valueOf(row.success());
        var existing = responses.getAPIResponse(code);
        responses.getAPIResponses().keySet().stream().filter(c -> c.startsWith("2") && !c.equals(code)).toList()
                .forEach(responses::removeAPIResponse);
        var response = existing != null ? existing : OASFactory.createAPIResponse().description(row.description());
        response.setContent(answer == null ? null : json(MediaType.APPLICATION_JSON, answer));
        responses.addAPIResponse(code, response);
    }

    // A request body the scanner could type is the endpoint's own choice (runs are created from a RunRequest).
    private static boolean describedByScanner(RequestBody body) {
        return body != null && body.getContent() != null && body.getContent().getMediaTypes().values().stream()
                .anyMatch(media -> media.getSchema() != null && media.getSchema().getRef() != null);
    }

    private static Content json(String mediaType, Schema schema) {
        return OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType().schema(schema));
    }
}

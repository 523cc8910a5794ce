package io.kubeclaw.rest.openapi;

import io.kubeclaw.rest.problem.Problem;
import io.kubeclaw.rest.resources.CustomResourceEndpoint;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * A document shaped like the one the scanner makes of the API, gaps included: inherited operations with an
 * untyped body, no success response beside declared errors, and a created resource answered as a plain 200.
 */
final class ScannedDocument {

    private final OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths());

    static OpenAPI ofTheApi() {
        ScannedDocument document = new ScannedDocument();
        for (ResourceKind kind : ResourceKind.SERVED) {
            document.operation(HttpMethod.GET, kind.collectionPath()).responses(response("200", untyped()));
            Schema created = kind.name().equals("AgentRun") ? Schemas.ref("RunRequest") : untyped();
            document.operation(HttpMethod.POST, kind.collectionPath()).requestBody(body(MediaType.APPLICATION_JSON, created))
                    .responses(response("200", null));
            document.operation(HttpMethod.GET, kind.itemPath()).responses(response("404", null));
            document.operation(HttpMethod.PATCH, kind.itemPath())
                    .requestBody(body(CustomResourceEndpoint.MERGE_PATCH, Schemas.ofType(SchemaType.STRING)))
                    .responses(response("409", null).addAPIResponse("422", OASFactory.createAPIResponse().description("invalid")));
            document.operation(HttpMethod.DELETE, kind.itemPath()).responses(response("204", null));
        }
        String instances = ResourceKind.SERVED.getFirst().itemPath();
        APIResponses memory = response("200", Schemas.ref("Memory"));
        memory.getAPIResponse("200").getContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(Schemas.ref("Memory")));
        document.operation(HttpMethod.GET, instances + "/memory").responses(memory);
        document.operation(HttpMethod.PUT, instances + "/memory").responses(response("200", Schemas.ref("Memory"))
                .addAPIResponse("409", OASFactory.createAPIResponse().description("The memory changed")));
        document.operation(HttpMethod.GET, "/api/version").responses(response("200", untyped()));
        return document.openAPI;
    }

    private Operation operation(HttpMethod method, String path) {
        Operation operation = OASFactory.createOperation();
        PathItem item = openAPI.getPaths().getPathItem(path);
        if (item == null) {
            item = OASFactory.createPathItem();
            openAPI.getPaths().addPathItem(path, item);
        }
        item.setOperation(method, operation);
        return operation;
    }

    private static APIResponses response(String code, Schema schema) {
        var response = OASFactory.createAPIResponse().description("scanned");
        if (schema != null) {
            response.content(OASFactory.createContent().addMediaType(MediaType.APPLICATION_JSON, OASFactory.createMediaType().schema(schema)));
        }
        return OASFactory.createAPIResponses().addAPIResponse(code, response);
    }

    private static RequestBody body(String mediaType, Schema schema) {
        return OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType().schema(schema)));
    }

    private static Schema untyped() {
        return Schemas.object();
    }
}

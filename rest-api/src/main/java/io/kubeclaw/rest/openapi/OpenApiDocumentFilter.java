package io.kubeclaw.rest.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The application's {@code mp.openapi.filter} (MicroProfile Config names one class): completes what the
 * scanner cannot see, one step each, so that a generated client gets typed models and every error type.
 */
public class OpenApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathParameters.declare(openAPI);
        CustomResourceSchemas.add(openAPI, ResourceKind.SERVED, CrdSchemaSource::openApiV3Schema);
        CustomResourceOperations.describe(openAPI, ResourceKind.SERVED);
        ErrorResponses.describe(openAPI);
    }
}

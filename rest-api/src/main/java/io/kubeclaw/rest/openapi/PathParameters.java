package io.kubeclaw.rest.openapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Declares every {@code {placeholder}} of a path as a required path parameter of each of its operations. The
 * scanner leaves out the path parameters of resource methods inherited from a generic base class (all CR
 * endpoints), and a generated client needs them.
 */
public final class PathParameters {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    private PathParameters() {
    }

    public static void declare(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            Matcher placeholders = PLACEHOLDER.matcher(path);
            while (placeholders.find()) {
                declare(operation, placeholders.group(1));
            }
        }));
    }

    private static void declare(Operation operation, String name) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> name.equals(p.getName()) && p.getIn() == Parameter.In.PATH);
        if (!declared) {
            operation.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                    .schema(Schemas.ofType(SchemaType.STRING)));
        }
    }
}

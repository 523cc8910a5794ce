package io.kubeclaw.rest.openapi;

import static io.kubeclaw.rest.openapi.Schemas.arrayOf;
import static io.kubeclaw.rest.openapi.Schemas.object;
import static io.kubeclaw.rest.openapi.Schemas.ref;
import static io.kubeclaw.rest.openapi.Schemas.string;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.kubeclaw.rest.resources.ResourcePage;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Adds to components.schemas each custom resource kind, from its CRD's schema, and a page of a list of it
 * ({@link ResourcePage}): the scanner cannot describe them, as the model classes are not in the war.
 */
public final class CustomResourceSchemas {

    private CustomResourceSchemas() {
    }

    public static void add(OpenAPI openAPI, List<ResourceKind> kinds, Function<ResourceKind, JSONSchemaProps> crdSchemaOf) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(ObjectMetaSchema.NAME, ObjectMetaSchema.create());
        for (ResourceKind kind : kinds) {
            openAPI.getComponents().addSchema(kind.name(), resource(kind, crdSchemaOf.apply(kind)));
            openAPI.getComponents().addSchema(kind.pageName(), page(kind));
        }
    }

    /** The CRD's schema (spec and status) under the fields every object has, which a CRD leaves to the apiserver. */
    static Schema resource(ResourceKind kind, JSONSchemaProps crdSchema) {
        Schema schema = CrdSchemaConverter.toOpenApi(crdSchema);
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("apiVersion", string().defaultValue(HasMetadata.getApiVersion(kind.type())));
        properties.put("kind", string().defaultValue(kind.name()));
        properties.put("metadata", ref(ObjectMetaSchema.NAME));
        if (schema.getProperties() != null) {
            properties.putAll(schema.getProperties());
        }
        return schema.properties(properties);
    }

    /** The page record's fields, its list holding the kind: a generic type the scanner can only leave untyped. */
    static Schema page(ResourceKind kind) {
        Schema page = object().description("One page of a list of " + kind.name() + "s.");
        for (RecordComponent field : ResourcePage.class.getRecordComponents()) {
            var annotation = field.getAccessor().getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            if (List.class.equals(field.getType())) {
                page.addProperty(field.getName(), arrayOf(ref(kind.name()))).addRequired(field.getName());
            } else if (String.class.equals(field.getType())) {
                page.addProperty(field.getName(), string().description(annotation == null ? null : annotation.description()));
            } else {
                throw new IllegalStateException("ResourcePage." + field.getName() + " is neither the list nor a string: describe it here");
            }
        }
        return page;
    }
}

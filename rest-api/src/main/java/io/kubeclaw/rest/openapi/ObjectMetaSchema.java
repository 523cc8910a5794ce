package io.kubeclaw.rest.openapi;

import static io.kubeclaw.rest.openapi.Schemas.arrayOf;
import static io.kubeclaw.rest.openapi.Schemas.object;
import static io.kubeclaw.rest.openapi.Schemas.string;
import static io.kubeclaw.rest.openapi.Schemas.stringMap;

import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The part of Kubernetes' ObjectMeta a client of the API reads and writes. CRDs leave metadata untyped (the
 * apiserver owns it), but a client needs at least the name, the labels and the resourceVersion typed.
 */
final class ObjectMetaSchema {

    static final String NAME = "ObjectMeta";

    private ObjectMetaSchema() {
    }

    static Schema create() {
        Schema ownerReference = object()
                .addProperty("apiVersion", string())
                .addProperty("kind", string())
                .addProperty("name", string())
                .addProperty("uid", string())
                .addProperty("controller", Schemas.ofType(SchemaType.BOOLEAN))
                .addProperty("blockOwnerDeletion", Schemas.ofType(SchemaType.BOOLEAN))
                .addRequired("apiVersion").addRequired("kind").addRequired("name").addRequired("uid");
        return object()
                .description("Kubernetes object metadata (the fields clients use; the apiserver may return more).")
                .addProperty("name", string().description("Unique among its kind in the namespace; a DNS subdomain."))
                .addProperty("generateName", string().description("Prefix of a generated name, used when name is left out."))
                .addProperty("namespace", string().description("Always the namespace of the path."))
                .addProperty("uid", string().readOnly(true))
                .addProperty("resourceVersion", string()
                        .description("Changes on every write; send it in a merge patch to make the patch conditional."))
                .addProperty("generation", Schemas.ofType(SchemaType.INTEGER).format("int64").readOnly(true))
                .addProperty("creationTimestamp", string().format("date-time").readOnly(true))
                .addProperty("deletionTimestamp", string().format("date-time").readOnly(true))
                .addProperty("labels", stringMap())
                .addProperty("annotations", stringMap())
                .addProperty("finalizers", arrayOf(string()))
                .addProperty("ownerReferences", arrayOf(ownerReference))
                .addProperty("managedFields", arrayOf(object()).readOnly(true));
    }
}

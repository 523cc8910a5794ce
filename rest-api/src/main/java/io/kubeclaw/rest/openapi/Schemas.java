package io.kubeclaw.rest.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/** The few schema shapes the document's steps build, each a new model object. */
final class Schemas {

    private Schemas() {
    }

    static Schema ofType(SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }

    static Schema object() {
        return ofType(SchemaType.OBJECT);
    }

    static Schema string() {
        return ofType(SchemaType.STRING);
    }

    static Schema arrayOf(Schema items) {
        return ofType(SchemaType.ARRAY).items(items);
    }

    static Schema stringMap() {
        return object().additionalPropertiesSchema(string());
    }

    /** A reference to a schema of components.schemas by its name. */
    static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }
}

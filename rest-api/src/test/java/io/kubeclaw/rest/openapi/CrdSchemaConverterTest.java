package io.kubeclaw.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.kubeclaw.rest.json.JacksonJson;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;
import java.io.IOException;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row: a CRD schema as the generator writes it (YAML), and the OpenAPI 3.1 schema the document carries. */
class CrdSchemaConverterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a string with an enum and a default | {type: string, description: d, enum: [Allow, Forbid], default: Forbid} | {"type": "string", "description": "d", "enum": ["Allow", "Forbid"], "default": "Forbid"}
            bounds are written as plain numbers | {type: integer, format: int32, minimum: 0.0, maximum: 100.0}          | {"type": "integer", "format": "int32", "minimum": 0, "maximum": 100}
            an exclusive bound is the bound     | {type: number, minimum: 0.5, exclusiveMinimum: true}                   | {"type": "number", "exclusiveMinimum": 0.5}
            nullable is the null type           | {type: string, nullable: true}                                          | {"type": ["string", "null"]}
            properties keep their order         | {type: object, required: [b], properties: {b: {type: string}, a: {type: boolean}}} | {"type": "object", "required": ["b"], "properties": {"b": {"type": "string"}, "a": {"type": "boolean"}}}
            a map                               | {type: object, additionalProperties: {type: string}}                   | {"type": "object", "additionalProperties": {"type": "string"}}
            an array of bounded strings         | {type: array, maxItems: 10, items: {type: string, maxLength: 63, pattern: '^[a-z]+$'}} | {"type": "array", "maxItems": 10, "items": {"type": "string", "maxLength": 63, "pattern": "^[a-z]+$"}}
            int-or-string keeps both and marker | {anyOf: [{type: integer}, {type: string}], x-kubernetes-int-or-string: true} | {"anyOf": [{"type": "integer"}, {"type": "string"}], "x-kubernetes-int-or-string": true}
            free-form object keeps its marker   | {type: object, x-kubernetes-preserve-unknown-fields: true}             | {"type": "object", "x-kubernetes-preserve-unknown-fields": true}
            CEL rules stay with the apiserver   | {type: object, x-kubernetes-validations: [{rule: self.a, message: m}]} | {"type": "object"}
            """)
    void convertsAKeywordAsOpenApiSaysIt(String rule, String crdYaml, String expectedJson) throws IOException {
        Schema converted = CrdSchemaConverter.toOpenApi(new YAMLMapper().readValue(crdYaml, JSONSchemaProps.class));

        assertThat(json(converted)).isEqualTo(JacksonJson.MAPPER.readTree(expectedJson));
    }

    /** The schema as the server writes it into the document. */
    private static JsonNode json(Schema schema) throws IOException {
        var document = OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("S", schema));
        return JacksonJson.MAPPER.readTree(OpenApiSerializer.serialize(document, Format.JSON)).at("/components/schemas/S");
    }
}

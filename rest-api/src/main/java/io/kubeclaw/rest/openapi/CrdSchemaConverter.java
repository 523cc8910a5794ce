package io.kubeclaw.rest.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.kubeclaw.rest.json.JacksonJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Turns a CRD's structural schema (Kubernetes' OpenAPI v3 subset, as fabric8 reads it) into an OpenAPI 3.1
 * schema of the MicroProfile model. Every keyword that types or bounds a value is carried over; the
 * {@code x-kubernetes-*} markers that shape values stay as extensions, for generators that know them.
 */
public final class CrdSchemaConverter {

    private CrdSchemaConverter() {
    }

    public static Schema toOpenApi(JSONSchemaProps source) {
        Schema schema = OASFactory.createSchema();
        if (source.getType() != null) {
            schema.addType(SchemaType.valueOf(source.getType().toUpperCase(Locale.ROOT)));
            if (Boolean.TRUE.equals(source.getNullable())) {
                schema.addType(SchemaType.NULL);
            }
        }
        set(source.getTitle(), schema::setTitle);
        set(source.getDescription(), schema::setDescription);
        set(source.getFormat(), schema::setFormat);
        set(source.getPattern(), schema::setPattern);
        set(plain(source.getDefault()), schema::setDefaultValue);
        set(each(source.getEnum(), CrdSchemaConverter::plain), schema::setEnumeration);
        set(plain(source.getExample()), schema::setExample);
        bounds(source, schema);
        set(each(source.getRequired(), String::valueOf), schema::setRequired);
        set(source.getUniqueItems(), schema::setUniqueItems);
        if (source.getProperties() != null && !source.getProperties().isEmpty()) {
            schema.setProperties(convertAll(source.getProperties()));
        }
        if (source.getItems() != null && source.getItems().getSchema() != null) {
            schema.setItems(toOpenApi(source.getItems().getSchema()));
        }
        if (source.getAdditionalProperties() != null) {
            if (source.getAdditionalProperties().getSchema() != null) {
                schema.setAdditionalPropertiesSchema(toOpenApi(source.getAdditionalProperties().getSchema()));
            } else {
                schema.setAdditionalPropertiesBoolean(source.getAdditionalProperties().getAllows());
            }
        }
        set(each(source.getAllOf(), CrdSchemaConverter::toOpenApi), schema::setAllOf);
        set(each(source.getAnyOf(), CrdSchemaConverter::toOpenApi), schema::setAnyOf);
        set(each(source.getOneOf(), CrdSchemaConverter::toOpenApi), schema::setOneOf);
        if (source.getNot() != null) {
            schema.setNot(toOpenApi(source.getNot()));
        }
        kubernetesExtensions(source, schema);
        return schema;
    }

    // Kubernetes keeps the draft-4 form (a boolean beside minimum/maximum); OpenAPI 3.1 puts the bound itself in exclusive*.
    private static void bounds(JSONSchemaProps source, Schema schema) {
        BigDecimal minimum = number(source.getMinimum());
        BigDecimal maximum = number(source.getMaximum());
        if (Boolean.TRUE.equals(source.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(minimum);
        } else {
            schema.setMinimum(minimum);
        }
        if (Boolean.TRUE.equals(source.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(maximum);
        } else {
            schema.setMaximum(maximum);
        }
        set(number(source.getMultipleOf()), schema::setMultipleOf);
        set(integer(source.getMinLength()), schema::setMinLength);
        set(integer(source.getMaxLength()), schema::setMaxLength);
        set(integer(source.getMinItems()), schema::setMinItems);
        set(integer(source.getMaxItems()), schema::setMaxItems);
        set(integer(source.getMinProperties()), schema::setMinProperties);
        set(integer(source.getMaxProperties()), schema::setMaxProperties);
    }

    // CEL rules (x-kubernetes-validations) are left out: only the apiserver evaluates them, and a broken one
    // comes back as a 422 carrying the rule's message.
    private static void kubernetesExtensions(JSONSchemaProps source, Schema schema) {
        extension(schema, "x-kubernetes-int-or-string", source.getXKubernetesIntOrString());
        extension(schema, "x-kubernetes-preserve-unknown-fields", source.getXKubernetesPreserveUnknownFields());
        extension(schema, "x-kubernetes-embedded-resource", source.getXKubernetesEmbeddedResource());
        extension(schema, "x-kubernetes-list-type", source.getXKubernetesListType());
        extension(schema, "x-kubernetes-list-map-keys", each(source.getXKubernetesListMapKeys(), String::valueOf));
        extension(schema, "x-kubernetes-map-type", source.getXKubernetesMapType());
    }

    private static Map<String, Schema> convertAll(Map<String, JSONSchemaProps> sources) {
        Map<String, Schema> converted = new LinkedHashMap<>();
        sources.forEach((name, source) -> converted.put(name, toOpenApi(source)));
        return converted;
    }

    private static void extension(Schema schema, String name, Object value) {
        if (value != null) {
            schema.addExtension(name, value);
        }
    }

    // Absent when empty: fabric8's model starts every list empty, which is not what the CRD said.
    private static <E, R> List<R> each(List<E> list, Function<E, R> convert) {
        return list == null || list.isEmpty() ? null : list.stream().map(convert).collect(Collectors.toCollection(ArrayList::new));
    }

    private static <V> void set(V value, Consumer<V> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static Object plain(JsonNode node) {
        return node == null ? null : JacksonJson.MAPPER.convertValue(node, Object.class);
    }

    // The generator writes every bound as a double (minimum: 0.0); as a plain decimal it reads 0, as written in the class.
    private static BigDecimal number(Double value) {
        return value == null ? null : new BigDecimal(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    private static Integer integer(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }
}

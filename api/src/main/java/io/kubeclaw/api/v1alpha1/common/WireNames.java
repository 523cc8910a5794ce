package io.kubeclaw.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An enum constant's name as written in YAML and on the bus, read from its {@code @JsonProperty}, so it has one home. */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return property == null ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}

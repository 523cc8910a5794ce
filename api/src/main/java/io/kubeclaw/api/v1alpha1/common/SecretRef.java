package io.kubeclaw.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Points at a whole Secret in the resource's own namespace, for configuration that spans several keys. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretRef {

    @Required
    @Pattern(SchemaPatterns.DNS1123_SUBDOMAIN)
    @Size(max = SchemaPatterns.DNS1123_SUBDOMAIN_MAX_LENGTH)
    @JsonPropertyDescription("Name of the Secret, in the same namespace.")
    private String name;

    public SecretRef() {
    }

    public SecretRef(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}

package io.kubeclaw.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Points at one key of a Secret in the resource's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {

    @Required
    @Pattern(SchemaPatterns.DNS1123_SUBDOMAIN)
    @Size(max = SchemaPatterns.DNS1123_SUBDOMAIN_MAX_LENGTH)
    @JsonPropertyDescription("Name of the Secret, in the same namespace.")
    private String name;

    @Required
    @Pattern(SchemaPatterns.CONFIG_KEY)
    @Size(max = SchemaPatterns.DNS1123_SUBDOMAIN_MAX_LENGTH)
    @JsonPropertyDescription("Key within the Secret whose value is used.")
    private String key;

    public SecretKeyRef() {
    }

    public SecretKeyRef(String name, String key) {
        this.name = name;
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}

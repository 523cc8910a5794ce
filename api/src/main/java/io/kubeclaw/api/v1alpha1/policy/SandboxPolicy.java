package io.kubeclaw.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;

/** The sandboxing every run under a policy must accept. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SandboxPolicy {

    @JsonPropertyDescription("Require every run to use a sandbox, whatever the instance or run says.")
    private Boolean required;

    @Pattern(SchemaPatterns.IMAGE)
    @Size(max = SchemaPatterns.IMAGE_MAX_LENGTH)
    @JsonPropertyDescription("Sandbox image used when neither the instance nor the run names one.")
    private String defaultImage;

    @JsonProperty("maxCPU")
    @ValidationRule(value = SchemaPatterns.QUANTITY_RULE, message = SchemaPatterns.QUANTITY_MESSAGE)
    @JsonPropertyDescription("Highest CPU limit a sandbox may have, as a quantity such as 2 or 500m.")
    private Quantity maxCPU;

    @ValidationRule(value = SchemaPatterns.QUANTITY_RULE, message = SchemaPatterns.QUANTITY_MESSAGE)
    @JsonPropertyDescription("Highest memory limit a sandbox may have, as a quantity such as 512Mi or 2Gi.")
    private Quantity maxMemory;

    public Boolean getRequired() {
        return required;
    }

    public void setRequired(Boolean required) {
        this.required = required;
    }

    public String getDefaultImage() {
        return defaultImage;
    }

    public void setDefaultImage(String defaultImage) {
        this.defaultImage = defaultImage;
    }

    @JsonProperty("maxCPU")
    public Quantity getMaxCPU() {
        return maxCPU;
    }

    @JsonProperty("maxCPU")
    public void setMaxCPU(Quantity maxCPU) {
        this.maxCPU = maxCPU;
    }

    public Quantity getMaxMemory() {
        return maxMemory;
    }

    public void setMaxMemory(Quantity maxMemory) {
        this.maxMemory = maxMemory;
    }

}

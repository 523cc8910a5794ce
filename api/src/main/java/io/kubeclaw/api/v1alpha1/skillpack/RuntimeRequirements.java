package io.kubeclaw.api.v1alpha1.skillpack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;

/** What the agent pod must provide for a pack's skills to work. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuntimeRequirements {

    @Pattern(SchemaPatterns.IMAGE)
    @Size(max = SchemaPatterns.IMAGE_MAX_LENGTH)
    @JsonPropertyDescription("Agent image that has the binaries the skills need, if the default one does not.")
    private String image;

    @JsonPropertyDescription("The skills run commands and need a sandbox.")
    private Boolean sandbox;

    @ValidationRule(value = SchemaPatterns.QUANTITY_RULE, message = SchemaPatterns.QUANTITY_MESSAGE)
    @JsonPropertyDescription("Least memory the agent container needs, e.g. 256Mi.")
    private Quantity minMemory;

    @JsonProperty("minCPU")
    @ValidationRule(value = SchemaPatterns.QUANTITY_RULE, message = SchemaPatterns.QUANTITY_MESSAGE)
    @JsonPropertyDescription("Least CPU the agent container needs, e.g. 250m.")
    private Quantity minCPU;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Boolean getSandbox() {
        return sandbox;
    }

    public void setSandbox(Boolean sandbox) {
        this.sandbox = sandbox;
    }

    public Quantity getMinMemory() {
        return minMemory;
    }

    public void setMinMemory(Quantity minMemory) {
        this.minMemory = minMemory;
    }

    @JsonProperty("minCPU")
    public Quantity getMinCPU() {
        return minCPU;
    }

    @JsonProperty("minCPU")
    public void setMinCPU(Quantity minCPU) {
        this.minCPU = minCPU;
    }
}

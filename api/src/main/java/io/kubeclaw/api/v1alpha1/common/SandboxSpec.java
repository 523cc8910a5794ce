package io.kubeclaw.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** Whether and how an agent's tool calls run in an isolated sandbox container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SandboxSpec {

    @JsonPropertyDescription("Run tool calls in a sandbox container next to the agent. A ClawPolicy may require it regardless.")
    private Boolean enabled;

    @Pattern(SchemaPatterns.IMAGE)
    @Size(max = SchemaPatterns.IMAGE_MAX_LENGTH)
    @JsonPropertyDescription("Container image of the sandbox. Defaults to the ClawPolicy's sandboxPolicy.defaultImage.")
    private String image;

    @JsonPropertyDescription("CPU and memory requests and limits of the sandbox container.")
    private ResourceRequirements resources;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }
}

package io.kubeclaw.api.v1alpha1.skillpack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;

import java.util.List;

/** A container added to agent pods that use the pack, carrying the skills' tools and the access they need. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SidecarSpec {

    @Required
    @Pattern(SchemaPatterns.IMAGE)
    @Size(max = SchemaPatterns.IMAGE_MAX_LENGTH)
    @JsonPropertyDescription("Container image of the sidecar, e.g. kubeclaw/skill-k8s-ops:0.1.0.")
    private String image;

    @JsonPropertyDescription("Entrypoint of the sidecar container. Defaults to the image's.")
    private List<String> command;

    @JsonPropertyDescription("Arguments to the entrypoint. Defaults to the image's.")
    private List<String> args;

    @JsonPropertyDescription("Environment variables of the sidecar container.")
    private List<EnvVar> env;

    // Boxed so that "unset" (take the default) and an explicit false stay distinguishable.
    @Default("true")
    @JsonPropertyDescription("Mount the agent's workspace into the sidecar at the same path. Defaults to true.")
    private Boolean mountWorkspace;

    @JsonPropertyDescription("CPU and memory requests and limits of the sidecar container.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Namespace-scoped permissions the sidecar's ServiceAccount gets in the run's namespace, within the ClawPolicy's rbacCeiling.rules.")
    private List<PolicyRule> rbac;

    @JsonProperty("clusterRBAC")
    @JsonPropertyDescription("Cluster-scoped permissions the sidecar's ServiceAccount gets, within the ClawPolicy's rbacCeiling.clusterRules.")
    private List<PolicyRule> clusterRBAC;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public List<String> getCommand() {
        return command;
    }

    public void setCommand(List<String> command) {
        this.command = command;
    }

    public List<String> getArgs() {
        return args;
    }

    public void setArgs(List<String> args) {
        this.args = args;
    }

    public List<EnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<EnvVar> env) {
        this.env = env;
    }

    public Boolean getMountWorkspace() {
        return mountWorkspace;
    }

    public void setMountWorkspace(Boolean mountWorkspace) {
        this.mountWorkspace = mountWorkspace;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public List<PolicyRule> getRbac() {
        return rbac;
    }

    public void setRbac(List<PolicyRule> rbac) {
        this.rbac = rbac;
    }

    @JsonProperty("clusterRBAC")
    public List<PolicyRule> getClusterRBAC() {
        return clusterRBAC;
    }

    @JsonProperty("clusterRBAC")
    public void setClusterRBAC(List<PolicyRule> clusterRBAC) {
        this.clusterRBAC = clusterRBAC;
    }
}

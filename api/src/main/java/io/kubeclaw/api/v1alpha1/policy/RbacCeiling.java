package io.kubeclaw.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;

import java.util.List;

/** The most Kubernetes access a SkillPack sidecar may be granted under a policy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RbacCeiling {

    @JsonPropertyDescription("Namespace-scoped rules a sidecar's Role may contain at most. Unset grants none.")
    private List<PolicyRule> rules;

    @JsonPropertyDescription("Cluster-scoped rules a sidecar's ClusterRole may contain at most. Unset grants none.")
    private List<PolicyRule> clusterRules;

    public List<PolicyRule> getRules() {
        return rules;
    }

    public void setRules(List<PolicyRule> rules) {
        this.rules = rules;
    }

    public List<PolicyRule> getClusterRules() {
        return clusterRules;
    }

    public void setClusterRules(List<PolicyRule> clusterRules) {
        this.clusterRules = clusterRules;
    }
}

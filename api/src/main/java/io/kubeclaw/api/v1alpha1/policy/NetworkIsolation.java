package io.kubeclaw.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

import java.util.List;

/** The network access agent pods get, rendered into a Kubernetes NetworkPolicy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkIsolation {

    @JsonPropertyDescription("Deny all ingress and egress of agent pods except what the other fields allow.")
    private Boolean denyAll;

    @JsonProperty("allowDNS")
    @JsonPropertyDescription("Allow DNS lookups (port 53 to the cluster DNS).")
    private Boolean allowDNS;

    @JsonPropertyDescription("Allow traffic to the KubeClaw event bus, which runs need to report progress.")
    private Boolean allowEventBus;

    @Size(max = 64)
    @JsonPropertyDescription("Further destinations agent pods may reach, e.g. the LLM provider's API.")
    private List<EgressRule> allowedEgress;

    public Boolean getDenyAll() {
        return denyAll;
    }

    public void setDenyAll(Boolean denyAll) {
        this.denyAll = denyAll;
    }

    @JsonProperty("allowDNS")
    public Boolean getAllowDNS() {
        return allowDNS;
    }

    @JsonProperty("allowDNS")
    public void setAllowDNS(Boolean allowDNS) {
        this.allowDNS = allowDNS;
    }

    public Boolean getAllowEventBus() {
        return allowEventBus;
    }

    public void setAllowEventBus(Boolean allowEventBus) {
        this.allowEventBus = allowEventBus;
    }

    public List<EgressRule> getAllowedEgress() {
        return allowedEgress;
    }

    public void setAllowedEgress(List<EgressRule> allowedEgress) {
        this.allowedEgress = allowedEgress;
    }
}

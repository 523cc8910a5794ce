package io.kubeclaw.controllers.run;

import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.ownership.OwnedNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.policy.EgressRule;
import io.kubeclaw.api.v1alpha1.policy.NetworkIsolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NetworkPolicy of one run's pod: no ingress at all, and egress only to DNS, the event bus and the
 * policy's allowed CIDRs. Host-named egress entries cannot be expressed as a NetworkPolicy (it knows
 * only IP blocks); the runner enforces those when it fetches.
 */
public final class RunNetworkPolicyBuilder {

    private RunNetworkPolicyBuilder() {
    }

    /** Where the event bus runs: its namespace, the labels of its pods and its client port. */
    public record EventBus(String namespace, Map<String, String> podLabels, int port) {
    }

    public static NetworkPolicy desired(AgentRun run, Optional<NetworkIsolation> isolation, EventBus eventBus) {
        List<NetworkPolicyEgressRule> egress = new ArrayList<>();
        boolean allowDns = isolation.map(NetworkIsolation::getAllowDNS).orElse(true) != Boolean.FALSE;
        boolean allowBus = isolation.map(NetworkIsolation::getAllowEventBus).orElse(true) != Boolean.FALSE;
        if (allowDns) {
            egress.add(new NetworkPolicyEgressRuleBuilder()
                    .withPorts(new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(53)).build(),
                            new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(53)).build())
                    .build());
        }
        if (allowBus) {
            egress.add(new NetworkPolicyEgressRuleBuilder()
                    .addNewTo()
                        .withNewNamespaceSelector().addToMatchLabels("kubernetes.io/metadata.name", eventBus.namespace()).endNamespaceSelector()
                        .withNewPodSelector().withMatchLabels(eventBus.podLabels()).endPodSelector()
                    .endTo()
                    .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(eventBus.port())).build())
                    .build());
        }
        isolation.map(NetworkIsolation::getAllowedEgress).orElse(List.of()).stream()
                .filter(rule -> rule.getCidr() != null)
                .map(RunNetworkPolicyBuilder::toCidr)
                .forEach(egress::add);
        return new NetworkPolicyBuilder()
                .withMetadata(OwnedMetadata.controlledBy(run, OwnedNames.bounded(run.getMetadata().getName(), "-isolation"), RunLabels.of(run)))
                .withNewSpec()
                    .withNewPodSelector().addToMatchLabels(RunLabels.RUN, run.getMetadata().getName()).endPodSelector()
                    .withPolicyTypes("Ingress", "Egress")
                    .withEgress(egress)
                .endSpec()
                .build();
    }

    private static NetworkPolicyEgressRule toCidr(EgressRule rule) {
        NetworkPolicyEgressRuleBuilder builder = new NetworkPolicyEgressRuleBuilder().addNewTo().withNewIpBlock().withCidr(rule.getCidr()).endIpBlock().endTo();
        if (rule.getPort() != null) {
            builder.withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(rule.getPort())).build());
        }
        return builder.build();
    }
}

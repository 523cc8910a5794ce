package io.kubeclaw.controllers.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.policy.EgressRule;
import io.kubeclaw.api.v1alpha1.policy.NetworkIsolation;
import io.kubeclaw.controllers.ownership.OwnedObjects;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.SkillPackFixture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunRbacAndNetworkBuildersTest {

    private static final RunNetworkPolicyBuilder.EventBus BUS = new RunNetworkPolicyBuilder.EventBus("kubeclaw-system", Map.of("app", "nats"), 4222);

    private static AgentRun run() {
        AgentRun run = AgentRunFixture.run("diagnose").inNamespace("team").build();
        run.getMetadata().setUid("run-uid");
        return run;
    }

    private static SkillPack ops() {
        return SkillPackFixture.skillPack("k8s-ops").inNamespace("team").withSidecar("img:1")
                .withSidecarRbac(new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments").withVerbs("get", "patch").build())
                .withSidecarClusterRbac(new PolicyRuleBuilder().withApiGroups("").withResources("nodes").withVerbs("get", "list").build())
                .build();
    }

    @Test
    void namespacedGrantsAreOwnedByTheRunAndBindOnlyThePacksOwnAccount() {
        var role = RunRbacBuilder.role(run(), ops());
        var binding = RunRbacBuilder.roleBinding(run(), ops());
        var account = RunRbacBuilder.skillAccount(run(), ops());
        var token = RunRbacBuilder.skillToken(run(), ops());

        assertThat(RunRbacBuilder.serviceAccount(run()).getMetadata().getName()).as("the pod's, granted nothing").isEqualTo("diagnose-agent");
        assertThat(account.getMetadata().getName()).isEqualTo("diagnose-k8s-ops-skill");
        assertThat(account.getAutomountServiceAccountToken()).isFalse();
        assertThat(token.getMetadata().getName()).isEqualTo("diagnose-k8s-ops-token");
        assertThat(token.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> assertThat(owner.getUid()).isEqualTo("run-uid"));
        assertThat(role.getRules()).singleElement().satisfies(rule -> assertThat(rule.getResources()).containsExactly("deployments"));
        assertThat(List.of(role.getMetadata(), binding.getMetadata(), account.getMetadata()))
                .allSatisfy(meta -> assertThat(meta.getOwnerReferences()).singleElement()
                        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo("run-uid")));
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getName()).isEqualTo("diagnose-k8s-ops-skill");
            assertThat(subject.getNamespace()).isEqualTo("team");
        });
    }

    @Test
    void clusterGrantsAreLabelledForCleanupAndNamedPerNamespace() {
        var clusterRole = RunRbacBuilder.clusterRole(run(), ops());
        var clusterBinding = RunRbacBuilder.clusterRoleBinding(run(), ops());
        AgentRun twin = AgentRunFixture.run("diagnose").inNamespace("other").build();
        twin.getMetadata().setUid("twin-uid");

        assertThat(clusterRole.getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(clusterRole.getMetadata().getLabels()).containsEntry(RunLabels.RUN, "diagnose").containsEntry(RunRbacBuilder.RUN_NAMESPACE, "team")
                .containsEntry(OwnedObjects.OWNER_UID, "run-uid");
        assertThat(clusterRole.getMetadata().getName()).isEqualTo("kubeclaw-run-uid-k8s-ops-skill");
        assertThat(clusterRole.getRules()).singleElement().satisfies(rule -> assertThat(rule.getResources()).containsExactly("nodes"));
        assertThat(clusterBinding.getRoleRef().getName()).isEqualTo(clusterRole.getMetadata().getName());
        assertThat(RunRbacBuilder.clusterRole(twin, ops()).getMetadata().getName()).isNotEqualTo(clusterRole.getMetadata().getName());
    }

    @Test
    void theRunPodGetsNoIngressAndOnlyTheEgressThePolicyAllows() {
        NetworkIsolation isolation = new NetworkIsolation();
        isolation.setAllowDNS(false);
        isolation.setAllowedEgress(List.of(EgressRule.toCidr("203.0.113.0/24", 443), EgressRule.toHost("api.example.com", 443)));

        NetworkPolicy policy = RunNetworkPolicyBuilder.desired(run(), Optional.of(isolation), BUS);

        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsExactly(Map.entry(RunLabels.RUN, "diagnose"));
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        assertThat(policy.getSpec().getEgress()).hasSize(2);
        assertThat(policy.getSpec().getEgress().get(0).getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(4222));
        assertThat(policy.getSpec().getEgress().get(1).getTo()).singleElement()
                .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("203.0.113.0/24"));
    }

    @Test
    void withoutAPolicyDnsAndTheEventBusAreAllowed() {
        NetworkPolicy policy = RunNetworkPolicyBuilder.desired(run(), Optional.empty(), BUS);

        assertThat(policy.getSpec().getEgress()).hasSize(2);
        assertThat(policy.getSpec().getEgress().get(0).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(53, 53);
        assertThat(policy.getSpec().getEgress().get(1).getTo().getFirst().getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "kubeclaw-system");
    }
}

package io.kubeclaw.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.ClawPolicySpec;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyBindingTest {

    private static final ClawPolicy TENANTS = policy("tenants", KubeClaw.SYSTEM_NAMESPACE);
    private static final ClawPolicy DEFAULT = policy("default", KubeClaw.SYSTEM_NAMESPACE);
    private static final ClawPolicy MINE = policy("mine", "team");
    private static final Map<String, String> BOUND = Map.of(PolicyBinding.NAMESPACE_LABEL, "tenants");

    @Test
    void theAdminsPolicyComesFirstThenTheInstancesOwn() {
        assertThat(PolicyBinding.of("team", BOUND, "mine", lookup(TENANTS, DEFAULT), lookup(MINE)).policies()).containsExactly(TENANTS, MINE);
        assertThat(PolicyBinding.of("team", BOUND, null, lookup(TENANTS, DEFAULT), lookup(MINE)).policies()).containsExactly(TENANTS);
    }

    @Test
    void anUnboundNamespaceFallsBackToTheControlPlanesDefaultThenToTheBuiltInOne() {
        assertThat(PolicyBinding.of("team", Map.of(), "mine", lookup(TENANTS, DEFAULT), lookup(MINE)).policies()).containsExactly(DEFAULT, MINE);
        List<ClawPolicy> builtIn = PolicyBinding.of("team", null, null, lookup(TENANTS), lookup(MINE)).policies();
        assertThat(builtIn).singleElement().satisfies(policy -> {
            assertThat(policy.getMetadata().getName()).isEqualTo(PolicyBinding.BUILT_IN_NAME);
            assertThat(policy.getSpec().getRbacCeiling().getRules()).as("sidecars hold nothing").isEmpty();
            assertThat(policy.getSpec().getRbacCeiling().getClusterRules()).isEmpty();
            assertThat(PolicyBinding.describe(policy)).startsWith("the built-in default policy");
        });
    }

    @Test
    void aPolicyThatIsNamedButMissingIsSaidNotSkipped() {
        assertThat(PolicyBinding.of("team", Map.of(PolicyBinding.NAMESPACE_LABEL, "gone"), null, lookup(TENANTS), lookup(MINE)).missing())
                .contains("namespace \"team\" is bound to ClawPolicy \"gone\" in namespace \"kubeclaw-system\" (label kubeclaw.io/policy), "
                        + "which does not exist: a cluster admin must create it or change the label");
        assertThat(PolicyBinding.of("team", BOUND, "nope", lookup(TENANTS), lookup(MINE)).missing())
                .contains("ClawPolicy \"nope\" not found in namespace \"team\": create it there, or change or remove spec.policyRef");
    }

    private static PolicyBinding.Lookup lookup(ClawPolicy... policies) {
        return name -> List.of(policies).stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst();
    }

    private static ClawPolicy policy(String name, String namespace) {
        ClawPolicy policy = new ClawPolicy();
        policy.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        policy.setSpec(new ClawPolicySpec());
        return policy;
    }
}

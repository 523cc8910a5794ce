package io.kubeclaw.controllers.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.runner.EgressRules;
import io.kubeclaw.api.runner.ToolRules;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.policy.EgressRule;
import io.kubeclaw.api.v1alpha1.policy.ToolAction;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunnerPolicyTest {

    private static final ClawPolicy POLICY = ClawPolicyFixture.policy("p").inNamespace("team").defaultToolAction(ToolAction.DENY)
            .withToolRule("read_file", ToolAction.ALLOW).withToolRule("execute_command", ToolAction.ASK)
            .withToolRule("fetch_url", ToolAction.ALLOW).build();

    /** The runner's decision for each tool, from the run's own lists narrowing the policy's gating. */
    @ParameterizedTest(name = "{0} with allow={1} deny={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            read_file       | -           | -         | ALLOW
            execute_command | -           | -         | ASK
            write_file      | -           | -         | DENY
            fetch_url       | -           | fetch_url | DENY
            read_file       | fetch_url   | -         | DENY
            fetch_url       | fetch_url   | -         | ALLOW
            """)
    void theRunNarrowsThePolicy(String tool, String allow, String deny, ToolRules.Decision expected) {
        var run = AgentRunFixture.run("r").inNamespace("team");
        if (allow != null) {
            run.allow(allow);
        }
        if (deny != null) {
            run.deny(deny);
        }

        ToolRules rules = RunnerPolicy.toolRules(run.build(), List.of(POLICY));

        assertThat(rules.decide(tool)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "without a policy, {0} is {1}")
    @CsvSource({"read_file,ALLOW", "execute_command,ALLOW"})
    void withoutAPolicyEveryToolIsAllowed(String tool, ToolRules.Decision expected) {
        assertThat(RunnerPolicy.toolRules(AgentRunFixture.run("r").inNamespace("team").build(), List.of()).decide(tool))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} under a policy whose gate {1} is {2} -> {3}")
    @CsvSource({"execute_command,code-execution,false,DENY", "execute_command,code-execution,true,ASK",
            "fetch_url,code-execution,false,ALLOW", "fetch_url,web-fetch,false,DENY"})
    void aDisabledFeatureGateDeniesItsTools(String tool, String gate, boolean enabled, ToolRules.Decision expected) {
        ClawPolicy gated = ClawPolicyFixture.policy("p").inNamespace("team")
                .withToolRule("execute_command", ToolAction.ASK).withFeatureGate(gate, enabled).build();

        assertThat(RunnerPolicy.toolRules(AgentRunFixture.run("r").inNamespace("team").build(), List.of(gated)).decide(tool))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: admin says {1}, own policy says {2} -> {3}")
    @CsvSource({
            "fetch_docs, DENY,  ALLOW, DENY",
            "fetch_docs, ALLOW, DENY,  DENY",
            "fetch_docs, ASK,   ALLOW, ASK",
            "fetch_docs, ALLOW, ASK,   ASK",
            "fetch_docs, ALLOW, ALLOW, ALLOW",
    })
    void anInstancesOwnPolicyOnlyNarrowsTheAdminsToolGating(String tool, ToolAction admin, ToolAction own, ToolRules.Decision expected) {
        ClawPolicy admins = ClawPolicyFixture.policy("tenants").inNamespace("kubeclaw-system").withToolRule("fetch_*", admin).build();
        ClawPolicy owns = ClawPolicyFixture.policy("mine").inNamespace("team").withToolRule("fetch_docs", own).build();

        assertThat(RunnerPolicy.toolRules(AgentRunFixture.run("r").inNamespace("team").build(), List.of(admins, owns)).decide(tool)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "egress {0}")
    @CsvSource({"10.0.0.0/8,10.1.2.3,true", "10.0.0.0/8,192.168.0.1,false"})
    void egressRulesCarryThePolicysBlocks(String cidr, String address, boolean allowed) throws Exception {
        EgressRule rule = new EgressRule();
        rule.setCidr(cidr);
        ClawPolicy policy = ClawPolicyFixture.policy("p").inNamespace("team").isolateNetwork().allowEgress(rule).build();

        EgressRules egress = RunnerPolicy.egress(Optional.ofNullable(policy.getSpec().getNetworkPolicy()));

        assertThat(egress.rules()).hasSize(1);
        assertThat(egress.allows("internal", java.net.InetAddress.getByName(address), 80)).isEqualTo(allowed);
        assertThat(RunnerPolicy.egress(Optional.empty()).rules()).isEqualTo(List.of());
    }
}

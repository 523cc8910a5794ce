package io.kubeclaw.rest.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.policy.SubagentLimits;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy's subagentPolicy takes effect: on the instance's settings and on a child run's depth. */
class SubagentAdmissionTest {

    private static final ClawPolicy SHALLOW = ClawPolicyFixture.policy("shallow").inNamespace("team").withSubagentLimits(2, 3).build();

    @ParameterizedTest(name = "instance maxDepth {0}, maxConcurrent {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2 | 3 | -
            3 | 3 | spec.agents.subagents.maxDepth 3 is above ClawPolicy "shallow" subagentPolicy.maxDepth 2: ask for at most 2
            1 | 4 | spec.agents.subagents.maxConcurrent 4 is above ClawPolicy "shallow" subagentPolicy.maxConcurrent 3: ask for at most 3
            """)
    void anInstanceStaysWithinThePolicysCeilings(int maxDepth, int maxConcurrent, String problem) {
        ClawInstance instance = ClawInstanceFixture.instance("sre").inNamespace("team").withSubagents(maxDepth, maxConcurrent, 1).build();

        assertThat(SubagentLimits.instanceProblem(instance, SHALLOW).orElse(null)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "depth {0} under instance maxDepth {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -  | 5 | -
            2  | 5 | -
            3  | 5 | spec.parent.depth 3 is above ClawPolicy "shallow" subagentPolicy.maxDepth 2: ask for at most 2
            2  | 1 | spec.parent.depth 2 is deeper than ClawInstance "sre" allows (spec.agents.subagents.maxDepth 1)
            """)
    void aChildRunIsNoDeeperThanItsInstanceAndEveryPolicyAllow(Integer depth, int instanceMaxDepth, String problem) {
        ClawInstance instance = ClawInstanceFixture.instance("sre").inNamespace("team").withSubagents(instanceMaxDepth, 1, 1).build();
        AgentRunFixture run = AgentRunFixture.run("child").inNamespace("team").forInstance("sre");
        if (depth != null) {
            run.childOf("parent", depth);
        }

        assertThat(SubagentLimits.runProblem(run.build(), instance, List.of(SHALLOW)).orElse(null)).isEqualTo(problem);
    }
}

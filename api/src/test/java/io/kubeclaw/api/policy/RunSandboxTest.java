package io.kubeclaw.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunSpec;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawInstanceSpec;
import io.kubeclaw.api.v1alpha1.common.SandboxSpec;
import io.kubeclaw.api.v1alpha1.instance.AgentsSpec;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunSandboxTest {

    @ParameterizedTest(name = "run {0}/{1}, instance {2}/{3}, required {4} -> {5} {6}")
    @CsvSource(nullValues = "-", value = {
            // run present, run enabled, instance present, instance enabled, required, sandbox?, image
            "false, -,     false, -,     false, false, -",
            "false, -,     false, -,     true,  true,  -",
            "true,  -,     false, -,     false, true,  run:1",
            "true,  -,     true,  false, false, false, run:1",
            "true,  true,  true,  false, false, true,  run:1",
            "false, -,     true,  true,  false, true,  instance:1",
            "true,  false, true,  true,  false, false, run:1",
            "true,  false, true,  true,  true,  true,  run:1",
    })
    void aRunsOwnFieldsWinAndWhatItLeavesOutItsInstanceDecides(boolean runSays, Boolean runEnabled, boolean instanceSays, Boolean instanceEnabled,
                                                               boolean required, boolean sandboxed, String image) {
        AgentRun run = new AgentRun();
        run.setSpec(new AgentRunSpec());
        if (runSays) {
            run.getSpec().setSandbox(sandbox(runEnabled, "run:1"));
        }
        ClawInstance instance = new ClawInstance();
        instance.setSpec(new ClawInstanceSpec());
        if (instanceSays) {
            instance.getSpec().setAgents(new AgentsSpec());
            instance.getSpec().getAgents().setSandbox(sandbox(instanceEnabled, "instance:1"));
        }

        Optional<SandboxSpec> asked = RunSandbox.of(run, instance);

        assertThat(RunSandbox.enabled(asked, required)).isEqualTo(sandboxed);
        assertThat(asked.map(SandboxSpec::getImage).orElse(null)).isEqualTo(image);
    }

    private static SandboxSpec sandbox(Boolean enabled, String image) {
        SandboxSpec sandbox = new SandboxSpec();
        sandbox.setEnabled(enabled);
        sandbox.setImage(image);
        return sandbox;
    }
}

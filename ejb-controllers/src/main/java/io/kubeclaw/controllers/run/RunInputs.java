package io.kubeclaw.controllers.run;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.policy.SandboxPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Everything a run's Job is built from, resolved by the reconciler: the run, its instance, the active
 * SkillPacks, the bound policy (if any), whether memory is mounted, and the deployment's settings.
 */
public record RunInputs(AgentRun run, ClawInstance instance, List<SkillPack> skillPacks, Optional<ClawPolicy> policy,
                        boolean memoryMounted, RunSettings settings) {

    public RunInputs {
        skillPacks = List.copyOf(skillPacks);
    }

    /** The policy's CPU and memory maxima, applied to every container that asks for resources. */
    ResourceCeiling ceiling() {
        SandboxPolicy sandbox = policy.map(p -> p.getSpec().getSandboxPolicy()).orElse(null);
        return sandbox == null ? ResourceCeiling.NONE : new ResourceCeiling(sandbox.getMaxCPU(), sandbox.getMaxMemory());
    }

    /** Whether a SkillPack's sidecar asks for any API permission, and so needs a token. */
    static boolean declaresRbac(SkillPack pack) {
        var sidecar = pack.getSpec().getSidecar();
        return sidecar != null && (notEmpty(sidecar.getRbac()) || notEmpty(sidecar.getClusterRBAC()));
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}

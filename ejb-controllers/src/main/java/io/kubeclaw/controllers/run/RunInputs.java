package io.kubeclaw.controllers.run;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.policy.NetworkIsolation;
import io.kubeclaw.api.v1alpha1.policy.SandboxPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Everything a run's Job is built from, resolved by the reconciler: the run, its instance, the active
 * SkillPacks, the policies that apply (the namespace's, bound by the admin, then the instance's own; see
 * PolicyBinding), whether memory is mounted, and the deployment's settings.
 */
public record RunInputs(AgentRun run, ClawInstance instance, List<SkillPack> skillPacks, List<ClawPolicy> policies,
                        boolean memoryMounted, RunSettings settings) {

    public RunInputs {
        skillPacks = List.copyOf(skillPacks);
        policies = List.copyOf(policies);
    }

    /** The policies' CPU and memory maxima (the lowest of each), applied to every container that asks for resources. */
    ResourceCeiling ceiling() {
        ResourceCeiling ceiling = ResourceCeiling.NONE;
        for (SandboxPolicy sandbox : sandboxPolicies()) {
            ceiling = ceiling.narrowedBy(new ResourceCeiling(sandbox.getMaxCPU(), sandbox.getMaxMemory()));
        }
        return ceiling;
    }

    /** Whether any applicable policy requires a sandbox. */
    boolean sandboxRequired() {
        return sandboxPolicies().stream().anyMatch(sandbox -> Boolean.TRUE.equals(sandbox.getRequired()));
    }

    /** The sandbox image the policies name, the admin's first. */
    Optional<String> sandboxImage() {
        return sandboxPolicies().stream().map(SandboxPolicy::getDefaultImage).filter(image -> image != null && !image.isBlank()).findFirst();
    }

    /**
     * The network isolation the pod gets: the first applicable policy's that sets one, so the admin's wins over the
     * instance's own. One NetworkPolicy cannot express the intersection of two, and two would allow their union.
     */
    Optional<NetworkIsolation> networkIsolation() {
        return policies.stream().map(p -> p.getSpec().getNetworkPolicy()).filter(isolation -> isolation != null).findFirst();
    }

    private List<SandboxPolicy> sandboxPolicies() {
        return policies.stream().map(p -> p.getSpec().getSandboxPolicy()).filter(sandbox -> sandbox != null).toList();
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

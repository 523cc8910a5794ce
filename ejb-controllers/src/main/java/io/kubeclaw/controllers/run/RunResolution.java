package io.kubeclaw.controllers.run;

import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.policy.PolicyBinding;
import io.kubeclaw.api.policy.ProviderEndpoints;
import io.kubeclaw.api.policy.RbacCeilingCheck;
import io.kubeclaw.api.policy.SidecarRbacCheck;
import io.kubeclaw.api.policy.SubagentLimits;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.common.SkillRef;
import io.kubeclaw.api.v1alpha1.instance.MemorySpec;
import io.kubeclaw.controllers.status.Reasons;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Resolves what a run refers to (its instance in the same namespace, the policies that govern the instance, the
 * SkillPacks of instance and run) into the inputs of its Job, or into the reason it cannot run. A
 * pure function over lookups, so each refusal is a unit test.
 */
public sealed interface RunResolution {

    record Resolved(RunInputs inputs) implements RunResolution {
    }

    record Refused(String reason, String message) implements RunResolution {
    }

    /** Finds a resource by name in the run's namespace. */
    interface Lookup<T> extends Function<String, Optional<T>> {
    }

    /**
     * @param governing the policies that govern an instance ({@link PolicyBinding}), or why one that is named is missing
     * @param admitted  whether the namespace's writes pass the admission webhook, which checks who binds a pack's grants
     */
    static RunResolution of(AgentRun run, Lookup<ClawInstance> instances, Function<ClawInstance, PolicyBinding.Applicable> governing,
                            Lookup<SkillPack> skillPacks, boolean admitted, RunSettings settings) {
        String namespace = run.getMetadata().getNamespace();
        String instanceName = run.getSpec().getInstanceRef();
        Optional<ClawInstance> instance = instances.apply(instanceName);
        if (instance.isEmpty()) {
            return new Refused(Reasons.INSTANCE_NOT_FOUND, "ClawInstance \"" + instanceName + "\" not found in namespace \"" + namespace
                    + "\": create it first, then create the run again (spec.instanceRef cannot change)");
        }
        PolicyBinding.Applicable applicable = governing.apply(instance.get());
        if (applicable.missing().isPresent()) {
            return new Refused(Reasons.POLICY_NOT_FOUND, "ClawInstance \"" + instanceName + "\": " + applicable.missing().get()
                    + "; then create the run again");
        }
        List<ClawPolicy> policies = applicable.policies();
        Optional<String> beyond = SubagentLimits.runProblem(run, instance.get(), policies)
                .or(() -> policies.stream().flatMap(p -> ProviderEndpoints.problem(instance.get(), p).stream()).findFirst());
        if (beyond.isPresent()) {
            return new Refused(Reasons.POLICY_DENIED, beyond.get());
        }
        List<SkillPack> packs = new ArrayList<>();
        for (String name : skillNames(instance.get(), run)) {
            Optional<SkillPack> pack = skillPacks.apply(name);
            if (pack.isEmpty()) {
                return new Refused(Reasons.SKILLPACK_NOT_FOUND, "SkillPack \"" + name + "\" not found in namespace \"" + namespace
                        + "\": create it, or remove it from the run's or the instance's spec.skills");
            }
            Optional<String> denied = denial(pack.get(), policies);
            if (denied.isPresent()) {
                return new Refused(Reasons.POLICY_DENIED, "SkillPack \"" + name + "\": " + denied.get());
            }
            if (!admitted && RunInputs.declaresRbac(pack.get())) {
                // Only the webhook knows who bound the pack; without it nobody checked that they hold its grants.
                return new Refused(Reasons.POLICY_DENIED, "SkillPack \"" + name + "\" grants Kubernetes permissions, and namespace \"" + namespace
                        + "\" is exempt from the admission webhook (label " + ObjectLabels.ADMISSION + "=" + ObjectLabels.ADMISSION_DISABLED
                        + "), so nobody checked that whoever bound it holds them: a cluster admin removes the label, then create the run again");
            }
            packs.add(pack.get());
        }
        return new Resolved(new RunInputs(run, instance.get(), packs, policies, memoryMounted(instance.get(), run), settings));
    }

    /** The built-in guard, then each applicable policy's ceiling: the first problem found. */
    private static Optional<String> denial(SkillPack pack, List<ClawPolicy> policies) {
        if (pack.getSpec().getSidecar() == null) {
            return Optional.empty();
        }
        return SidecarRbacCheck.problem(pack.getSpec().getSidecar())
                .or(() -> policies.stream().flatMap(policy -> RbacCeilingCheck.problem(pack.getSpec().getSidecar(), policy.getSpec().getRbacCeiling())
                        .map(problem -> problem + " (" + PolicyBinding.describe(policy) + ")").stream()).findFirst());
    }

    /** The instance's SkillPacks, then the run's, each once. */
    private static Set<String> skillNames(ClawInstance instance, AgentRun run) {
        Set<String> names = new LinkedHashSet<>();
        Stream.of(instance.getSpec().getSkills(), run.getSpec().getSkills())
                .filter(list -> list != null)
                .flatMap(List::stream)
                .map(SkillRef::getSkillPackRef)
                .forEach(names::add);
        return names;
    }

    private static boolean memoryMounted(ClawInstance instance, AgentRun run) {
        MemorySpec memory = instance.getSpec().getMemory();
        boolean kept = memory == null || !Boolean.FALSE.equals(memory.getEnabled());
        return kept && !Boolean.FALSE.equals(run.getSpec().getIncludeMemory());
    }
}

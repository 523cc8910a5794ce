package io.kubeclaw.rest.admission;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.policy.FeatureGates;
import io.kubeclaw.api.policy.PolicyBinding;
import io.kubeclaw.api.policy.ProviderEndpoints;
import io.kubeclaw.api.policy.RbacCeilingCheck;
import io.kubeclaw.api.policy.RbacGrant;
import io.kubeclaw.api.policy.RunSandbox;
import io.kubeclaw.api.policy.SidecarRbacCheck;
import io.kubeclaw.api.policy.SubagentLimits;
import io.kubeclaw.api.policy.ToolGatings;
import io.kubeclaw.api.runner.ToolRules;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.common.SandboxSpec;
import io.kubeclaw.api.v1alpha1.common.SkillRef;
import io.kubeclaw.api.v1alpha1.policy.SandboxPolicy;
import io.kubeclaw.api.v1alpha1.run.ToolPolicy;
import io.kubeclaw.rest.auth.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ClawPolicy rules the admission webhook enforces, as pure functions of the object, the user and a
 * {@link ClusterView}. A reference that cannot be resolved yet (an instance or policy created later) is allowed: the
 * controllers refuse such runs with a status the user can read, and checking again here would only make the order
 * of a {@code kubectl apply -f dir/} matter.
 */
public final class PolicyAdmission {

    private final ClusterView cluster;

    public PolicyAdmission(ClusterView cluster) {
        this.cluster = cluster;
    }

    public Verdict validate(AgentRun run, Caller user, AgentRun old) {
        String namespace = run.getMetadata().getNamespace();
        if (old != null && !Objects.equals(createdBy(run), createdBy(old))) {
            return verdict("AgentRun", run.getMetadata().getName(), List.of("metadata.annotations[" + ObjectLabels.CREATED_BY
                    + "] records who created the run and cannot change: leave it as it is"));
        }
        Optional<ClawInstance> instance = cluster.instance(namespace, run.getSpec().getInstanceRef());
        if (instance.isEmpty()) {
            // The policies wait for the instance (the controllers hold the run to them), but the run's own SkillPacks
            // hand their grants on now, so whoever creates the run must hold them whether or not the instance exists.
            List<String> problems = new ArrayList<>(escalationProblems(user, namespace, runsOwnPacks(run, old)));
            return verdict("AgentRun", run.getMetadata().getName(), problems);
        }
        List<ClawPolicy> policies = applicable(instance.get());
        List<String> problems = new ArrayList<>();
        for (ClawPolicy p : policies) {
            sandboxProblem(p, RunSandbox.of(run, instance.get()).orElse(null), "AgentRun", "spec.sandbox").ifPresent(problems::add);
            problems.addAll(toolProblems(p, run.getSpec().getToolPolicy()));
        }
        SubagentLimits.runProblem(run, instance.get(), policies).ifPresent(problems::add);
        problems.addAll(skillPackProblems(namespace, skillNames(instance.get().getSpec().getSkills(), run.getSpec().getSkills()), policies));
        // Starting a run puts every pack's grants to use, the instance's too: whoever creates it must hold them (or be
        // allowed to "use" the pack), not only the instance's author. An update can only add the run's own.
        Set<String> used = old == null ? skillNames(instance.get().getSpec().getSkills(), run.getSpec().getSkills()) : runsOwnPacks(run, old);
        problems.addAll(escalationProblems(user, namespace, used));
        return verdict("AgentRun", run.getMetadata().getName(), problems);
    }

    /**
     * What a new run is given: who created it (annotation {@code kubeclaw.io/created-by}, whatever the request said),
     * and from the policy a sandbox, when one is required and the run does not say.
     */
    public Verdict defaults(AgentRun run, Caller user) {
        List<Map<String, Object>> patch = new ArrayList<>();
        Map<String, String> annotations = run.getMetadata().getAnnotations();
        // An empty map may be absent from the object as sent, so it is written whole; a member is added to a full one.
        patch.add(annotations == null || annotations.isEmpty()
                ? Verdict.add("/metadata/annotations", Map.of(ObjectLabels.CREATED_BY, user.username()))
                : Verdict.add("/metadata/annotations/" + ObjectLabels.CREATED_BY.replace("~", "~0").replace("/", "~1"), user.username()));
        List<ClawPolicy> policies = cluster.instance(run.getMetadata().getNamespace(), run.getSpec().getInstanceRef())
                .map(this::applicable).orElse(List.of());
        boolean required = policies.stream().map(p -> p.getSpec().getSandboxPolicy())
                .anyMatch(sandbox -> sandbox != null && Boolean.TRUE.equals(sandbox.getRequired()));
        SandboxSpec sandbox = run.getSpec().getSandbox();
        if (required && (sandbox == null || sandbox.getEnabled() == null)) {
            patch.add(sandbox == null ? Verdict.add("/spec/sandbox", Map.of("enabled", true)) : Verdict.add("/spec/sandbox/enabled", true));
        }
        return Verdict.patched(patch);
    }

    public Verdict validate(ClawInstance instance, Caller user, ClawInstance old) {
        String namespace = instance.getMetadata().getNamespace();
        List<ClawPolicy> policies = applicable(instance);
        List<String> problems = new ArrayList<>();
        for (ClawPolicy p : policies) {
            sandboxProblem(p, instance.getSpec().getAgents() == null ? null : instance.getSpec().getAgents().getSandbox(),
                    "ClawInstance", "spec.agents.sandbox").ifPresent(problems::add);
            SubagentLimits.instanceProblem(instance, p).ifPresent(problems::add);
            ProviderEndpoints.problem(instance, p).ifPresent(problems::add);
        }
        problems.addAll(skillPackProblems(namespace, skillNames(instance.getSpec().getSkills(), null), policies));
        problems.addAll(escalationProblems(user, namespace, added(instance.getSpec().getSkills(), old == null ? null : old.getSpec().getSkills())));
        problems.addAll(ReadReferences.unreadable(cluster, user, namespace, ReadReferences.of(instance), ReadReferences.of(old)));
        return verdict("ClawInstance", instance.getMetadata().getName(), problems);
    }

    public Verdict validate(SkillPack pack, Caller user, SkillPack old) {
        String namespace = pack.getMetadata().getNamespace();
        List<String> problems = new ArrayList<>();
        SidecarRbacCheck.problem(pack.getSpec().getSidecar()).ifPresent(problems::add);
        for (ClawInstance instance : cluster.instances(namespace)) {
            if (skillNames(instance.getSpec().getSkills(), null).contains(pack.getMetadata().getName())) {
                for (ClawPolicy policy : applicable(instance)) {
                    RbacCeilingCheck.problem(pack.getSpec().getSidecar(), policy.getSpec().getRbacCeiling())
                            .map(problem -> problem + " (" + policyName(policy) + ", bound to ClawInstance \"" + instance.getMetadata().getName() + "\")")
                            .ifPresent(problems::add);
                }
            }
        }
        if (problems.isEmpty() && (old == null || !SidecarGrants.sameIdentity(pack, old))) {
            problems.addAll(SidecarGrants.missing(cluster, user, pack, false));
        }
        problems.addAll(ReadReferences.unreadable(cluster, user, namespace, ReadReferences.of(pack), ReadReferences.of(old)));
        return verdict("SkillPack", pack.getMetadata().getName(), problems);
    }

    /**
     * A schedule makes the control plane create runs later, so its author must be allowed to create them now, and, as
     * for a run they started themselves, hold the grants of the instance's packs those runs put to use.
     */
    public Verdict validate(ClawSchedule schedule, Caller user) {
        String namespace = schedule.getMetadata().getNamespace();
        boolean mayCreateRuns = cluster.holds(user, new RbacGrant("create", KubeClaw.GROUP,
                "agentruns", null, null), namespace);
        if (!mayCreateRuns) {
            return verdict("ClawSchedule", schedule.getMetadata().getName(), List.of("user \"" + user.username()
                    + "\" may not create agentruns.kubeclaw.io in namespace \"" + namespace + "\", and a schedule creates runs on their behalf: "
                    + "ask for that permission (kubectl auth can-i create agentruns.kubeclaw.io -n " + namespace + ")"));
        }
        Set<String> used = cluster.instance(namespace, schedule.getSpec().getInstanceRef())
                .map(instance -> skillNames(instance.getSpec().getSkills(), null)).orElse(Set.of());
        return verdict("ClawSchedule", schedule.getMetadata().getName(), escalationProblems(user, namespace, used));
    }

    /**
     * The policies that govern the instance: the admin's for its namespace, then its own (PolicyBinding). One that is
     * named but missing is left to the controllers, which refuse its runs saying so; until then, what is found applies.
     */
    private List<ClawPolicy> applicable(ClawInstance instance) {
        String namespace = instance.getMetadata().getNamespace();
        PolicyBinding.Applicable applicable = PolicyBinding.of(namespace, cluster.namespaceLabels(namespace), instance.getSpec().getPolicyRef(),
                name -> cluster.policy(KubeClaw.SYSTEM_NAMESPACE, name), name -> cluster.policy(namespace, name));
        return applicable.policies();
    }

    private static Optional<String> sandboxProblem(ClawPolicy policy, SandboxSpec sandbox, String kind, String field) {
        SandboxPolicy rules = policy.getSpec().getSandboxPolicy();
        if (rules == null) {
            return Optional.empty();
        }
        // Only an explicit "off" is refused: an unset sandbox takes the policy's (the mutating hook and the controller apply it).
        if (Boolean.TRUE.equals(rules.getRequired()) && sandbox != null && Boolean.FALSE.equals(sandbox.getEnabled())) {
            return Optional.of(policyName(policy) + " requires a sandbox (sandboxPolicy.required: true), and this " + kind + " turns it off: set "
                    + field + ".enabled: true, or leave it unset and let the policy's default apply");
        }
        ResourceRequirements resources = sandbox == null ? null : sandbox.getResources();
        if (resources == null) {
            return Optional.empty();
        }
        return Stream.of(
                        above(resources.getLimits(), "cpu", rules.getMaxCPU(), field + ".resources.limits", policy, "maxCPU"),
                        above(resources.getRequests(), "cpu", rules.getMaxCPU(), field + ".resources.requests", policy, "maxCPU"),
                        above(resources.getLimits(), "memory", rules.getMaxMemory(), field + ".resources.limits", policy, "maxMemory"),
                        above(resources.getRequests(), "memory", rules.getMaxMemory(), field + ".resources.requests", policy, "maxMemory"))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> above(Map<String, Quantity> values, String resource, Quantity max, String field, ClawPolicy policy, String rule) {
        Quantity value = values == null ? null : values.get(resource);
        if (value == null || max == null || Quantity.getAmountInBytes(value).compareTo(Quantity.getAmountInBytes(max)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(field + "." + resource + " " + value + " is above " + policyName(policy) + " sandboxPolicy." + rule + " " + max
                + ": ask for at most " + max);
    }

    /** Each tool the run asks to be allowed that the policy switches off or denies. */
    private static List<String> toolProblems(ClawPolicy policy, ToolPolicy own) {
        if (own == null || own.getAllow() == null) {
            return List.of();
        }
        ToolRules.Gating gating = ToolGatings.of(policy.getSpec().getToolGating());
        ToolRules policyOnly = new ToolRules(ToolRules.VERSION, null, List.of(), gating.rules(), gating.defaultAction());
        List<String> problems = new ArrayList<>();
        for (String tool : own.getAllow()) {
            Optional<String> gate = FeatureGates.disablingGate(policy, tool);
            if (gate.isPresent()) {
                problems.add("spec.toolPolicy.allow lists \"" + tool + "\", which " + policyName(policy) + " switches off (featureGates."
                        + gate.get() + ": false): remove it from the list, or ask for the gate to be enabled");
            } else if (policyOnly.decide(tool) == ToolRules.Decision.DENY) {
                String rule = policyOnly.matchingRule(tool).map(r -> "toolGating rule for \"" + r.tool() + "\": deny")
                        .orElse("toolGating.defaultAction: deny");
                problems.add("spec.toolPolicy.allow lists \"" + tool + "\", which " + policyName(policy) + " denies (" + rule + "): remove it from the list");
            }
        }
        return problems;
    }

    /** Each SkillPack the object brings in whose sidecar asks for more than any policy may grant, or than an applicable one allows. */
    private List<String> skillPackProblems(String namespace, Set<String> names, List<ClawPolicy> policies) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            cluster.skillPack(namespace, name).ifPresent(pack -> SidecarRbacCheck.problem(pack.getSpec().getSidecar())
                    .or(() -> policies.stream().flatMap(p -> RbacCeilingCheck.problem(pack.getSpec().getSidecar(), p.getSpec().getRbacCeiling())
                            .map(problem -> problem + " (" + policyName(p) + ")").stream()).findFirst())
                    .map(problem -> "SkillPack \"" + name + "\": " + problem)
                    .ifPresent(problems::add));
        }
        return problems;
    }

    /** Binding a SkillPack hands its sidecar's permissions on: the binder must hold them, as for a RoleBinding. */
    private List<String> escalationProblems(Caller user, String namespace, Set<String> bound) {
        List<String> problems = new ArrayList<>();
        for (String name : bound) {
            cluster.skillPack(namespace, name)
                    .map(pack -> SidecarGrants.missing(cluster, user, pack, true))
                    .ifPresent(missing -> missing.forEach(problem -> problems.add("binding SkillPack \"" + name + "\": " + problem)));
        }
        return problems;
    }

    /** Who created the run, as the mutating webhook recorded it (null where it did not). */
    static String createdBy(AgentRun run) {
        Map<String, String> annotations = run.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ObjectLabels.CREATED_BY);
    }

    /** The SkillPacks the run itself binds that it did not bind before. */
    private static Set<String> runsOwnPacks(AgentRun run, AgentRun old) {
        return added(run.getSpec().getSkills(), old == null ? null : old.getSpec().getSkills());
    }

    private static Set<String> skillNames(List<SkillRef> first, List<SkillRef> second) {
        Set<String> names = new LinkedHashSet<>();
        Stream.of(first, second).filter(list -> list != null).flatMap(List::stream).map(SkillRef::getSkillPackRef).forEach(names::add);
        return names;
    }

    private static Set<String> added(List<SkillRef> now, List<SkillRef> before) {
        Set<String> names = skillNames(now, null);
        names.removeAll(skillNames(before, null));
        return names;
    }

    static String policyName(ClawPolicy policy) {
        return PolicyBinding.describe(policy);
    }

    private static Verdict verdict(String kind, String name, List<String> problems) {
        if (problems.isEmpty()) {
            return Verdict.allow();
        }
        return Verdict.deny(kind + " \"" + name + "\" denied: " + String.join("; ", problems));
    }
}

package io.kubeclaw.controllers.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.api.policy.PolicyBinding;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.controllers.run.RunResolution.Lookup;
import io.kubeclaw.controllers.run.RunResolution.Refused;
import io.kubeclaw.controllers.run.RunResolution.Resolved;
import io.kubeclaw.controllers.status.Reasons;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.fixtures.SkillPackFixture;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RunResolutionTest {

    private static final String NS = "team";
    private static final RunSettings SETTINGS = new RunSettings("kubeclaw/runner:1", "kubeclaw/ipc-bridge:1", "kubeclaw/sandbox:1",
            "nats://nats.kubeclaw-system:4222", 300, RunSettings.DEFAULT_EVENT_BUS);

    private static final PolicyRule GET_PODS = new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get", "list").build();
    private static final PolicyRule DELETE_PODS = new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("delete").build();
    private static final PolicyRule ALL_SECRETS = new PolicyRuleBuilder().withApiGroups("").withResources("secrets").withVerbs("*").build();

    private static final SkillPack OPS = SkillPackFixture.skillPack("k8s-ops").inNamespace(NS)
            .withSidecar("kubeclaw/skill-k8s-ops:1").withSidecarRbac(GET_PODS).build();
    private static final SkillPack DOCS = SkillPackFixture.skillPack("docs").inNamespace(NS).withSidecar("kubeclaw/skill-docs:1").build();
    private static final SkillPack PLAIN = SkillPackFixture.skillPack("plain").inNamespace(NS).build();
    private static final SkillPack PRUNER = SkillPackFixture.skillPack("pruner").inNamespace(NS)
            .withSidecar("kubeclaw/skill-pruner:1").withSidecarRbac(DELETE_PODS).build();
    private static final SkillPack LEAKY = SkillPackFixture.skillPack("leaky").inNamespace(NS)
            .withSidecar("kubeclaw/skill-leaky:1").withSidecarRbac(ALL_SECRETS).build();
    private static final Lookup<SkillPack> PACKS = existing(OPS, DOCS, PLAIN, PRUNER, LEAKY);

    private static final ClawPolicy STRICT = ClawPolicyFixture.policy("strict").inNamespace(NS).withRbacCeilingRule(GET_PODS).build();
    /** A policy that sets no rbacCeiling, so only the built-in sidecar guard applies. */
    private static final ClawPolicy OPEN = ClawPolicyFixture.policy("open").inNamespace(NS).build();
    private static final Lookup<ClawPolicy> LOCAL = existing(STRICT, OPEN);
    private static final PolicyRule ANYTHING = new PolicyRuleBuilder().withApiGroups("*").withResources("*").withVerbs("*").build();
    /** The admin's policies in kubeclaw-system: one that lets sidecars hold anything the guard allows, one that lets them get pods. */
    private static final ClawPolicy PERMISSIVE = ClawPolicyFixture.policy("permissive").inNamespace(KubeClaw.SYSTEM_NAMESPACE)
            .withRbacCeilingRule(ANYTHING).withClusterRbacCeilingRule(ANYTHING).build();
    private static final ClawPolicy READ_ONLY = ClawPolicyFixture.policy("read-only").inNamespace(KubeClaw.SYSTEM_NAMESPACE)
            .withRbacCeilingRule(GET_PODS).build();
    private static final Lookup<ClawPolicy> SYSTEM = existing(PERMISSIVE, READ_ONLY);
    /** The namespace as most tests have it: bound by the admin to the permissive policy. */
    private static final Function<ClawInstance, PolicyBinding.Applicable> POLICIES = boundTo("permissive");

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("instance missing", run().build(), existing(),
                        Reasons.INSTANCE_NOT_FOUND, "ClawInstance \"assistant\" not found in namespace \"team\":"
                                + " create it first, then create the run again (spec.instanceRef cannot change)"),
                Arguments.of("policy missing", run().build(), existing(instance().withPolicy("locked-down").build()),
                        Reasons.POLICY_NOT_FOUND, "ClawInstance \"assistant\": ClawPolicy \"locked-down\" not found in namespace \"team\":"
                                + " create it there, or change or remove spec.policyRef; then create the run again"),
                Arguments.of("run's skill missing", run().withSkill("docs").withSkill("translate").build(), existing(instance().build()),
                        Reasons.SKILLPACK_NOT_FOUND, "SkillPack \"translate\" not found in namespace \"team\":"
                                + " create it, or remove it from the run's or the instance's spec.skills"),
                Arguments.of("instance's skill missing", run().withSkill("docs").build(), existing(instance().withSkill("calendar").build()),
                        Reasons.SKILLPACK_NOT_FOUND, "SkillPack \"calendar\" not found in namespace \"team\":"
                                + " create it, or remove it from the run's or the instance's spec.skills"),
                Arguments.of("sidecar asks for every verb on Secrets, no policy", run().withSkill("leaky").build(), existing(instance().build()),
                        Reasons.POLICY_DENIED, "SkillPack \"leaky\": spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"secrets\"], verbs: [\"*\"]}"
                                + " uses a wildcard that reaches Secrets: list the resources and verbs the skill needs"),
                Arguments.of("sidecar asks for every verb on Secrets, policy without ceiling", run().withSkill("leaky").build(),
                        existing(instance().withPolicy("open").build()),
                        Reasons.POLICY_DENIED, "SkillPack \"leaky\": spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"secrets\"], verbs: [\"*\"]}"
                                + " uses a wildcard that reaches Secrets: list the resources and verbs the skill needs"),
                Arguments.of("sidecar beyond the policy's rbacCeiling", run().withSkill("pruner").build(),
                        existing(instance().withPolicy("strict").withSkill("k8s-ops").build()),
                        Reasons.POLICY_DENIED, "SkillPack \"pruner\": spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"pods\"], verbs: [\"delete\"]}"
                                + " exceeds ClawPolicy rbacCeiling.rules: verb \"delete\" on pods is not allowed (ClawPolicy \"strict\")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithAReasonAndAMessageTheUserCanActOn(String name, AgentRun run, Lookup<ClawInstance> instances, String reason, String message) {
        assertThat(RunResolution.of(run, instances, POLICIES, PACKS, true, SETTINGS)).isEqualTo(new Refused(reason, message));
    }

    @Test
    void resolvesPacksWithinTheCeilingInstanceFirstAndEachOnce() {
        AgentRun run = run().withSkill("plain").withSkill("k8s-ops").build();
        ClawInstance instance = instance().withPolicy("strict").withSkill("k8s-ops").withSkill("docs").build();

        RunInputs inputs = resolved(RunResolution.of(run, existing(instance), POLICIES, PACKS, true, SETTINGS));

        assertThat(inputs.skillPacks()).containsExactly(OPS, DOCS, PLAIN);
        assertThat(inputs.policies()).containsExactly(PERMISSIVE, STRICT);
        assertThat(inputs.run()).isSameAs(run);
        assertThat(inputs.instance()).isSameAs(instance);
        assertThat(inputs.settings()).isSameAs(SETTINGS);
    }

    @Test
    void aPolicyWithoutCeilingLeavesSidecarRbacToTheBuiltInGuard() {
        RunInputs inputs = resolved(RunResolution.of(run().withSkill("pruner").build(), existing(instance().withPolicy("open").build()),
                POLICIES, PACKS, true, SETTINGS));

        assertThat(inputs.skillPacks()).containsExactly(PRUNER);
        assertThat(inputs.policies()).containsExactly(PERMISSIVE, OPEN);
    }

    @ParameterizedTest
    @CsvSource({"''", "' '"})
    void noPolicyOfItsOwnResolvesUnderTheAdminsAloneAndLooksNoneUpInItsNamespace(String policyRef) {
        Lookup<ClawPolicy> noLocalLookups = name -> {
            throw new AssertionError("looked up ClawPolicy " + name);
        };
        Function<ClawInstance, PolicyBinding.Applicable> noLookups = instance -> PolicyBinding.of(NS, Map.of(PolicyBinding.NAMESPACE_LABEL, "permissive"),
                instance.getSpec().getPolicyRef(), SYSTEM::apply, noLocalLookups::apply);
        ClawInstance blank = instance().withPolicy(policyRef).withSkill("pruner").build();
        ClawInstance unset = instance().withSkill("pruner").build();

        for (ClawInstance instance : new ClawInstance[] {blank, unset}) {
            RunInputs inputs = resolved(RunResolution.of(run().build(), existing(instance), noLookups, PACKS, true, SETTINGS));
            assertThat(inputs.policies()).containsExactly(PERMISSIVE);
            assertThat(inputs.skillPacks()).containsExactly(PRUNER);
        }
    }

    @ParameterizedTest(name = "memory.enabled={0}, includeMemory={1} -> {2}")
    @CsvSource(nullValues = "unset", value = {
            "unset, unset, true",
            "true,  unset, true",
            "false, unset, false",
            "unset, true,  true",
            "unset, false, false",
            "true,  false, false",
            "false, true,  false"})
    void memoryIsMountedUnlessTheInstanceOrTheRunTurnsItOff(Boolean memoryEnabled, Boolean includeMemory, boolean mounted) {
        ClawInstance instance = instance().withMemoryEnabled(memoryEnabled).build();
        AgentRun run = run().build();
        run.getSpec().setIncludeMemory(includeMemory);

        assertThat(resolved(RunResolution.of(run, existing(instance), POLICIES, PACKS, true, SETTINGS)).memoryMounted()).isEqualTo(mounted);
    }

    @Test
    void memoryIsMountedWhenTheInstanceHasNoMemorySection() {
        ClawInstance instance = instance().build();

        assertThat(instance.getSpec().getMemory()).isNull();
        assertThat(resolved(RunResolution.of(run().build(), existing(instance), POLICIES, PACKS, true, SETTINGS)).memoryMounted()).isTrue();
    }

    @Test
    void anUnboundNamespaceFallsUnderTheBuiltInDefaultWhereSidecarsHoldNoPermission() {
        Function<ClawInstance, PolicyBinding.Applicable> unbound = instance -> PolicyBinding.of(NS, Map.of(), instance.getSpec().getPolicyRef(),
                name -> Optional.empty(), LOCAL::apply);

        assertThat(RunResolution.of(run().withSkill("pruner").build(), existing(instance().build()), unbound, PACKS, true, SETTINGS))
                .isEqualTo(new Refused(Reasons.POLICY_DENIED, "SkillPack \"pruner\": spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"pods\"], "
                        + "verbs: [\"delete\"]} exceeds ClawPolicy rbacCeiling.rules: verb \"delete\" on pods is not allowed (the built-in default "
                        + "policy (the namespace is bound to no ClawPolicy: a cluster admin binds one with the label kubeclaw.io/policy))"));
        assertThat(resolved(RunResolution.of(run().withSkill("docs").build(), existing(instance().build()), unbound, PACKS, true, SETTINGS)).skillPacks())
                .as("a pack that asks for no permission").containsExactly(DOCS);
        Lookup<ClawPolicy> systemDefault = existing(ClawPolicyFixture.policy("default").inNamespace(KubeClaw.SYSTEM_NAMESPACE)
                .withRbacCeilingRule(ANYTHING).build());
        assertThat(resolved(RunResolution.of(run().withSkill("pruner").build(), existing(instance().build()),
                instance -> PolicyBinding.of(NS, Map.of(), null, systemDefault::apply, LOCAL::apply), PACKS, true, SETTINGS)).skillPacks())
                .as("kubeclaw-system's default policy, where the admin made one").containsExactly(PRUNER);
    }

    @Test
    void anInstancesOwnPolicyNarrowsTheAdminsAndNeverWidensIt() {
        Function<ClawInstance, PolicyBinding.Applicable> readOnly = boundTo("read-only");

        assertThat(RunResolution.of(run().withSkill("pruner").build(), existing(instance().withPolicy("open").build()), readOnly, PACKS, true, SETTINGS))
                .isEqualTo(new Refused(Reasons.POLICY_DENIED, "SkillPack \"pruner\": spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"pods\"], "
                        + "verbs: [\"delete\"]} exceeds ClawPolicy rbacCeiling.rules: verb \"delete\" on pods is not allowed "
                        + "(ClawPolicy \"read-only\" (the namespace's, in kubeclaw-system))"));
        assertThat(resolved(RunResolution.of(run().build(), existing(instance().withPolicy("strict").build()), readOnly, PACKS, true, SETTINGS)).policies())
                .containsExactly(READ_ONLY, STRICT);
        assertThat(RunResolution.of(run().build(), existing(instance().build()), boundTo("gone"), PACKS, true, SETTINGS)).isEqualTo(new Refused(
                Reasons.POLICY_NOT_FOUND, "ClawInstance \"assistant\": namespace \"team\" is bound to ClawPolicy \"gone\" in namespace \"kubeclaw-system\" "
                        + "(label kubeclaw.io/policy), which does not exist: a cluster admin must create it or change the label; then create the run again"));
    }

    @Test
    void withoutTheWebhookAPackThatGrantsPermissionsIsRefusedSinceNobodyCheckedWhoBoundIt() {
        assertThat(RunResolution.of(run().withSkill("k8s-ops").build(), existing(instance().build()), POLICIES, PACKS, false, SETTINGS))
                .isEqualTo(new Refused(Reasons.POLICY_DENIED, "SkillPack \"k8s-ops\" grants Kubernetes permissions, and namespace \"team\" is exempt "
                        + "from the admission webhook (label kubeclaw.io/admission=disabled), so nobody checked that whoever bound it holds them: a "
                        + "cluster admin removes the label, then create the run again"));
        assertThat(resolved(RunResolution.of(run().withSkill("docs").build(), existing(instance().build()), POLICIES, PACKS, false, SETTINGS))
                .skillPacks()).as("a pack that grants nothing").containsExactly(DOCS);
    }

    private static Function<ClawInstance, PolicyBinding.Applicable> boundTo(String adminPolicy) {
        return instance -> PolicyBinding.of(NS, Map.of(PolicyBinding.NAMESPACE_LABEL, adminPolicy), instance.getSpec().getPolicyRef(),
                SYSTEM::apply, LOCAL::apply);
    }

    private static AgentRunFixture run() {
        return AgentRunFixture.run("diagnose").inNamespace(NS).forInstance("assistant");
    }

    private static ClawInstanceFixture instance() {
        return ClawInstanceFixture.instance("assistant").inNamespace(NS);
    }

    private static RunInputs resolved(RunResolution resolution) {
        assertThat(resolution).isInstanceOf(Resolved.class);
        return ((Resolved) resolution).inputs();
    }

    /** A lookup over the given resources, by name, as the informer caches of one namespace answer. */
    @SafeVarargs
    private static <T extends HasMetadata> Lookup<T> existing(T... resources) {
        Map<String, T> byName = Arrays.stream(resources).collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity()));
        return name -> Optional.ofNullable(byName.get(name));
    }
}

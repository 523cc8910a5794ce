package io.kubeclaw.rest.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.api.policy.PolicyBinding;
import io.kubeclaw.api.policy.RbacGrant;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.policy.ToolAction;
import io.kubeclaw.rest.auth.Caller;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.fixtures.ClawScheduleFixture;
import io.kubeclaw.testsupport.fixtures.SkillPackFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyAdmissionTest {

    private static final String NS = "team";
    private static final Caller ALICE = new Caller("alice", "u1", List.of("devs"), Map.of());
    private static final PolicyRule GET_PODS = new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get").build();
    private static final PolicyRule DELETE_PODS = new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("delete").build();

    private final List<ClawInstance> instances = new ArrayList<>();
    private final List<ClawPolicy> policies = new ArrayList<>();
    private final List<SkillPack> packs = new ArrayList<>();
    private Predicate<RbacGrant> held = grant -> true;
    private static final PolicyRule ANYTHING = new PolicyRuleBuilder().withApiGroups("*").withResources("*").withVerbs("*").build();
    /** How the admin bound the namespace: to a policy that lets sidecars hold anything the guard allows, unless a test says otherwise. */
    private Map<String, String> namespaceLabels = Map.of(PolicyBinding.NAMESPACE_LABEL, "permissive");

    {
        policies.add(ClawPolicyFixture.policy("permissive").inNamespace(KubeClaw.SYSTEM_NAMESPACE)
                .withRbacCeilingRule(ANYTHING).withClusterRbacCeilingRule(ANYTHING).build());
        policies.add(ClawPolicyFixture.policy("read-only").inNamespace(KubeClaw.SYSTEM_NAMESPACE).withRbacCeilingRule(GET_PODS).build());
    }

    /** A cluster of in-memory objects; SubjectAccessReviews are answered by {@link #held} (the real ones are the IT's). */
    private final ClusterView cluster = new ClusterView() {
        @Override
        public Optional<ClawInstance> instance(String namespace, String name) {
            return instances.stream().filter(i -> i.getMetadata().getName().equals(name) && i.getMetadata().getNamespace().equals(namespace)).findFirst();
        }

        @Override
        public Optional<ClawPolicy> policy(String namespace, String name) {
            return policies.stream().filter(p -> p.getMetadata().getName().equals(name) && p.getMetadata().getNamespace().equals(namespace)).findFirst();
        }

        @Override
        public Optional<SkillPack> skillPack(String namespace, String name) {
            return packs.stream().filter(p -> p.getMetadata().getName().equals(name) && p.getMetadata().getNamespace().equals(namespace)).findFirst();
        }

        @Override
        public List<ClawInstance> instances(String namespace) {
            return instances.stream().filter(i -> i.getMetadata().getNamespace().equals(namespace)).toList();
        }

        @Override
        public Map<String, String> namespaceLabels(String namespace) {
            return namespaceLabels;
        }

        @Override
        public boolean holds(Caller user, RbacGrant grant, String namespace) {
            return held.test(grant);
        }
    };
    private final PolicyAdmission admission = new PolicyAdmission(cluster);

    private void strictPolicy() {
        policies.add(ClawPolicyFixture.policy("strict").inNamespace(NS).requireSandbox("sandbox:1").withSandboxLimits("1", "512Mi")
                .defaultToolAction(ToolAction.ALLOW).withToolRule("fetch_*", ToolAction.DENY).withToolRule("fetch_docs", ToolAction.ALLOW)
                .withFeatureGate("code-execution", false).withRbacCeilingRule(GET_PODS).build());
        instances.add(ClawInstanceFixture.instance("guarded").inNamespace(NS).withPolicy("strict").build());
    }

    @Test
    void aRunWhoseInstanceOrPolicyIsNotThereYetIsLeftToTheController() {
        assertThat(admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("later").withoutSandbox().build(), ALICE, null).allowed())
                .isTrue();
        instances.add(ClawInstanceFixture.instance("orphaned").inNamespace(NS).withPolicy("missing").build());
        assertThat(admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("orphaned").withoutSandbox().build(), ALICE, null).allowed())
                .isTrue();
    }

    @Test
    void aRequiredSandboxIsDefaultedWhenUnsaidAndEnforcedWhenRefused() {
        strictPolicy();
        var unsaid = AgentRunFixture.run("r").inNamespace(NS).forInstance("guarded").build();
        Map<String, Object> createdBy = Map.of("op", "add", "path", "/metadata/annotations", "value", Map.of("kubeclaw.io/created-by", "alice"));
        assertThat(admission.defaults(unsaid, ALICE).patch())
                .containsExactly(createdBy, Map.of("op", "add", "path", "/spec/sandbox", "value", Map.of("enabled", true)));
        assertThat(admission.defaults(AgentRunFixture.run("r").inNamespace(NS).forInstance("guarded").withoutSandbox().build(), ALICE).patch())
                .containsExactly(createdBy);

        Verdict refused = admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("guarded").withoutSandbox().build(), ALICE, null);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.message()).isEqualTo("AgentRun \"r\" denied: ClawPolicy \"strict\" requires a sandbox (sandboxPolicy.required: true), and this "
                + "AgentRun turns it off: set spec.sandbox.enabled: true, or leave it unset and let the policy's default apply");
    }

    @ParameterizedTest(name = "limits {0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1    | 512Mi | -
            2    | 256Mi | spec.sandbox.resources.limits.cpu 2 is above ClawPolicy "strict" sandboxPolicy.maxCPU 1: ask for at most 1
            500m | 1Gi   | spec.sandbox.resources.limits.memory 1Gi is above ClawPolicy "strict" sandboxPolicy.maxMemory 512Mi: ask for at most 512Mi
            """)
    void sandboxResourcesStayWithinThePolicysMaxima(String cpu, String memory, String problem) {
        strictPolicy();
        Verdict verdict = admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("guarded").withSandboxLimits(cpu, memory).build(), ALICE, null);
        assertThat(verdict.message()).isEqualTo(problem.equals("-") ? null : "AgentRun \"r\" denied: " + problem);
    }

    @ParameterizedTest(name = "allow {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            read_file       | -
            fetch_docs      | -
            fetch_url       | which ClawPolicy "strict" denies (toolGating rule for "fetch_*": deny): remove it from the list
            execute_command | which ClawPolicy "strict" switches off (featureGates.code-execution: false): remove it from the list, or ask for the gate to be enabled
            """)
    void aRunCannotAllowAToolThePolicyDeniesOrSwitchesOff(String tool, String problem) {
        strictPolicy();
        Verdict verdict = admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("guarded").withSandbox("s:1").allow(tool).build(), ALICE, null);
        assertThat(verdict.message()).isEqualTo(problem.equals("-") ? null
                : "AgentRun \"r\" denied: spec.toolPolicy.allow lists \"" + tool + "\", " + problem);
    }

    @Test
    void aSkillPackBeyondTheCeilingIsDeniedWhereverItWouldBeBound() {
        strictPolicy();
        packs.add(SkillPackFixture.skillPack("deleter").inNamespace(NS).withSidecar("img:1").withSidecarRbac(DELETE_PODS).build());

        Verdict instance = admission.validate(ClawInstanceFixture.instance("ops").inNamespace(NS).withPolicy("strict").withSkill("deleter").build(), ALICE, null);
        assertThat(instance.message()).startsWith("ClawInstance \"ops\" denied: SkillPack \"deleter\": spec.sidecar.rbac rule {apiGroups: [\"\"], "
                + "resources: [\"pods\"], verbs: [\"delete\"]} exceeds ClawPolicy rbacCeiling.rules: verb \"delete\" on pods is not allowed (ClawPolicy \"strict\")");
        Verdict run = admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("guarded").withSandbox("s:1").withSkill("deleter").build(), ALICE, null);
        assertThat(run.message()).startsWith("AgentRun \"r\" denied: SkillPack \"deleter\": ");

        instances.add(ClawInstanceFixture.instance("viewer").inNamespace(NS).withPolicy("strict").withSkill("looker").build());
        Verdict grown = admission.validate(SkillPackFixture.skillPack("looker").inNamespace(NS).withSidecar("img:1").withSidecarRbac(DELETE_PODS).build(), ALICE, null);
        assertThat(grown.message()).endsWith("(ClawPolicy \"strict\", bound to ClawInstance \"viewer\")");
        assertThat(admission.validate(SkillPackFixture.skillPack("looker").inNamespace(NS).withSidecar("img:1").withSidecarRbac(GET_PODS).build(), ALICE, null)
                .allowed()).isTrue();
    }

    @Test
    void whoWritesOrBindsASidecarsRbacMustHoldItOrMayEscalateRoles() {
        held = grant -> !grant.verb().equals("delete") && !grant.verb().equals("escalate") && !grant.verb().equals("use");
        var pack = SkillPackFixture.skillPack("cleaner").inNamespace(NS).withSidecar("img:1").withSidecarRbac(DELETE_PODS).build();

        assertThat(admission.validate(pack, ALICE, null).message()).isEqualTo("SkillPack \"cleaner\" denied: spec.sidecar.rbac rule {apiGroups: [\"\"], "
                + "resources: [\"pods\"], verbs: [\"delete\"]} grants verb \"delete\" on pods in namespace \"team\", which user \"alice\" does not hold: "
                + "only someone who holds a permission (or may escalate roles) may hand it to a sidecar; kubectl auth can-i shows the same answer");
        // An update that leaves the RBAC as it was grants nothing new.
        assertThat(admission.validate(pack, ALICE, pack).allowed()).isTrue();

        packs.add(pack);
        assertThat(admission.validate(ClawInstanceFixture.instance("ops").inNamespace(NS).withSkill("cleaner").build(), ALICE, null).message())
                .startsWith("ClawInstance \"ops\" denied: binding SkillPack \"cleaner\": spec.sidecar.rbac rule");

        held = grant -> !grant.verb().equals("delete") && !grant.verb().equals("use");
        assertThat(admission.validate(pack, ALICE, null).allowed()).as("escalate on roles").isTrue();
    }

    @Test
    void whoStartsARunMustHoldTheGrantsOfEveryPackItUsesOrBeAllowedToUseThem() {
        var pack = SkillPackFixture.skillPack("cleaner").inNamespace(NS).withSidecar("img:1").withSidecarRbac(DELETE_PODS).build();
        packs.add(pack);
        instances.add(ClawInstanceFixture.instance("ops").inNamespace(NS).withSkill("cleaner").build());
        held = grant -> !grant.verb().equals("delete") && !grant.verb().equals("escalate") && !grant.verb().equals("use");

        assertThat(admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("ops").build(), ALICE, null).message())
                .startsWith("AgentRun \"r\" denied: binding SkillPack \"cleaner\": spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"pods\"], "
                        + "verbs: [\"delete\"]} grants verb \"delete\" on pods in namespace \"team\", which user \"alice\" does not hold");
        assertThat(admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("later").withSkill("cleaner").build(), ALICE, null).allowed())
                .as("a run's own pack is checked before its instance exists").isFalse();
        assertThat(admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("later").build(), ALICE, null).allowed()).isTrue();

        held = grant -> !grant.verb().equals("delete") && !grant.verb().equals("escalate");
        assertThat(admission.validate(AgentRunFixture.run("r").inNamespace(NS).forInstance("ops").build(), ALICE, null).allowed())
                .as("an admin's \"use\" on the pack").isTrue();
        assertThat(admission.validate(SkillPackFixture.skillPack("cleaner").inNamespace(NS).withSidecar("img:2").withSidecarRbac(DELETE_PODS).build(),
                ALICE, pack).allowed()).as("\"use\" is no licence to write the pack's grants or image").isFalse();
    }

    @Test
    void aScheduleOfAnInstanceWhosePacksItsAuthorCannotHoldIsRefusedLikeTheRunsItWouldStart() {
        packs.add(SkillPackFixture.skillPack("cleaner").inNamespace(NS).withSidecar("img:1").withSidecarRbac(DELETE_PODS).build());
        instances.add(ClawInstanceFixture.instance("ops").inNamespace(NS).withSkill("cleaner").build());
        held = grant -> !grant.verb().equals("delete") && !grant.verb().equals("escalate") && !grant.verb().equals("use");

        assertThat(admission.validate(ClawScheduleFixture.schedule("nightly").inNamespace(NS).forInstance("ops").build(), ALICE).message())
                .startsWith("ClawSchedule \"nightly\" denied: binding SkillPack \"cleaner\": spec.sidecar.rbac rule");
        held = grant -> !grant.verb().equals("escalate") && !grant.verb().equals("use");
        assertThat(admission.validate(ClawScheduleFixture.schedule("nightly").inNamespace(NS).forInstance("ops").build(), ALICE).allowed()).isTrue();
    }

    @Test
    void aNewImageCommandOrEnvBehindTheSameGrantsIsCheckedLikeNewGrants() {
        held = grant -> !grant.verb().equals("delete") && !grant.verb().equals("escalate") && !grant.verb().equals("use");
        var pack = SkillPackFixture.skillPack("cleaner").inNamespace(NS).withSidecar("img:1").withSidecarRbac(DELETE_PODS).build();
        var swapped = SkillPackFixture.skillPack("cleaner").inNamespace(NS).withSidecar("evil:1").withSidecarRbac(DELETE_PODS).build();
        var relabelled = SkillPackFixture.skillPack("cleaner").inNamespace(NS).withSidecar("img:1").withSidecarRbac(DELETE_PODS).withCategory("ops").build();

        assertThat(admission.validate(swapped, ALICE, pack).message()).contains("grants verb \"delete\" on pods in namespace \"team\", which user \"alice\" does not hold");
        assertThat(admission.validate(relabelled, ALICE, pack).allowed()).as("a change that runs nothing new").isTrue();
    }

    @Test
    void aScheduleNeedsItsAuthorToBeAllowedToCreateRuns() {
        held = grant -> !(grant.verb().equals("create") && grant.resource().equals("agentruns"));
        assertThat(admission.validate(ClawScheduleFixture.schedule("nightly").inNamespace(NS).build(), ALICE).message())
                .startsWith("ClawSchedule \"nightly\" denied: user \"alice\" may not create agentruns.kubeclaw.io in namespace \"team\"");
        held = grant -> true;
        assertThat(admission.validate(ClawScheduleFixture.schedule("nightly").inNamespace(NS).build(), ALICE).allowed()).isTrue();
    }

    @Test
    void referencesAreOnlyLookedUpInTheObjectsOwnNamespace() {
        strictPolicy();
        Verdict elsewhere = admission.validate(AgentRunFixture.run("r").inNamespace("other").forInstance("guarded").withoutSandbox().build(), ALICE, null);
        assertThat(elsewhere.allowed()).as("the policy of team's instance does not reach into namespace other").isTrue();
        assertThat(Set.of(elsewhere.patch())).containsExactly(List.of());
    }

    @Test
    void onlyWhoMayReadASecretMayHandItToAPodAndOnlyNewReferencesAreAsked() {
        held = grant -> !(grant.resource().equals("secrets") && "prod-db".equals(grant.resourceName()));
        ClawInstance leaky = ClawInstanceFixture.instance("leaky").inNamespace(NS).withAuthSecret("prod-db", "password").build();

        assertThat(admission.validate(leaky, ALICE, null).message()).isEqualTo("ClawInstance \"leaky\" denied: spec.provider.authSecretRef reads "
                + "Secret \"prod-db\", which user \"alice\" may not get in namespace \"team\": only someone who may read it may hand it to a pod; "
                + "kubectl auth can-i get secrets/prod-db shows the same answer");
        assertThat(admission.validate(leaky, ALICE, leaky).allowed()).as("a reference the write does not add is not asked about again").isTrue();
        assertThat(admission.validate(ClawInstanceFixture.instance("own").inNamespace(NS).withAuthSecret("llm-key", "k").build(), ALICE, null)
                .allowed()).isTrue();

        SkillPack pack = SkillPackFixture.skillPack("env").inNamespace(NS).withSidecar("img:1").build();
        pack.getSpec().getSidecar().setEnv(List.of(
                new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("DB").withNewValueFrom().withNewSecretKeyRef("password", "prod-db", false)
                        .endValueFrom().build(),
                new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("MODE").withValue("plain").build()));
        assertThat(admission.validate(pack, ALICE, null).message()).startsWith("SkillPack \"env\" denied: spec.sidecar.env[DB] reads Secret \"prod-db\"");
    }

    @Test
    void theAdminsBindingGovernsAnInstanceWhateverItsOwnPolicyAndAnUnboundNamespaceGetsTheSafeDefault() {
        packs.add(SkillPackFixture.skillPack("pruner").inNamespace(NS).withSidecar("img:1").withSidecarRbac(DELETE_PODS).build());
        policies.add(ClawPolicyFixture.policy("open").inNamespace(NS).build());
        namespaceLabels = Map.of(PolicyBinding.NAMESPACE_LABEL, "read-only");

        for (ClawInstance instance : List.of(ClawInstanceFixture.instance("mine").inNamespace(NS).withSkill("pruner").build(),
                ClawInstanceFixture.instance("mine").inNamespace(NS).withPolicy("open").withSkill("pruner").build())) {
            assertThat(admission.validate(instance, ALICE, null).message()).isEqualTo("ClawInstance \"mine\" denied: SkillPack \"pruner\": "
                    + "spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"pods\"], verbs: [\"delete\"]} exceeds ClawPolicy rbacCeiling.rules: "
                    + "verb \"delete\" on pods is not allowed (ClawPolicy \"read-only\" (the namespace's, in kubeclaw-system))");
        }

        namespaceLabels = Map.of();
        assertThat(admission.validate(ClawInstanceFixture.instance("mine").inNamespace(NS).withSkill("pruner").build(), ALICE, null).message())
                .endsWith("(the built-in default policy (the namespace is bound to no ClawPolicy: a cluster admin binds one with the label "
                        + "kubeclaw.io/policy))");
        namespaceLabels = Map.of(PolicyBinding.NAMESPACE_LABEL, "permissive");
        assertThat(admission.validate(ClawInstanceFixture.instance("mine").inNamespace(NS).withSkill("pruner").build(), ALICE, null).allowed()).isTrue();
    }

    @Test
    void aRunIsStampedWithItsCreatorWhoeverItClaimsAndTheStampCannotChange() {
        var claimed = AgentRunFixture.run("r").inNamespace(NS).forInstance("later").build();
        claimed.getMetadata().setAnnotations(Map.of("kubeclaw.io/created-by", "the-board", "note", "x"));

        assertThat(admission.defaults(claimed, ALICE).patch()).first()
                .isEqualTo(Map.of("op", "add", "path", "/metadata/annotations/kubeclaw.io~1created-by", "value", "alice"));

        var stamped = AgentRunFixture.run("r").inNamespace(NS).forInstance("later").build();
        stamped.getMetadata().setAnnotations(Map.of("kubeclaw.io/created-by", "alice"));
        var forged = AgentRunFixture.run("r").inNamespace(NS).forInstance("later").build();
        forged.getMetadata().setAnnotations(Map.of("kubeclaw.io/created-by", "the-board"));
        assertThat(admission.validate(forged, ALICE, stamped).message()).isEqualTo("AgentRun \"r\" denied: metadata.annotations[kubeclaw.io/created-by] "
                + "records who created the run and cannot change: leave it as it is");
        assertThat(admission.validate(stamped, ALICE, stamped).allowed()).isTrue();
    }
}

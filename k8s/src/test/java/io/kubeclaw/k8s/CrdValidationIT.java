package io.kubeclaw.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.ClawScheduleSpec;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.common.ChannelType;
import io.kubeclaw.api.v1alpha1.instance.ProviderName;
import io.kubeclaw.api.v1alpha1.policy.EgressRule;
import io.kubeclaw.api.v1alpha1.policy.ToolAction;
import io.kubeclaw.api.v1alpha1.schedule.ConcurrencyPolicy;
import io.kubeclaw.api.v1alpha1.schedule.ScheduleType;
import io.kubeclaw.api.v1alpha1.skillpack.SidecarSpec;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawScheduleFixture;
import io.kubeclaw.testsupport.fixtures.SkillPackFixture;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import io.kubeclaw.testsupport.process.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.kubeclaw.testsupport.fixtures.AgentRunFixture.run;
import static io.kubeclaw.testsupport.fixtures.ClawInstanceFixture.instance;
import static io.kubeclaw.testsupport.fixtures.ClawPolicyFixture.policy;
import static io.kubeclaw.testsupport.fixtures.ClawScheduleFixture.schedule;
import static io.kubeclaw.testsupport.fixtures.SkillPackFixture.skill;
import static io.kubeclaw.testsupport.fixtures.SkillPackFixture.skillPack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema in the CRDs (enums, patterns, bounds, required fields and CEL rules) as the real apiserver
 * enforces it: each invalid resource is a valid fixture broken in one way, applied with the real kubectl.
 */
class CrdValidationIT {

    private static final KubeControlPlane CONTROL_PLANE = KubeControlPlane.api();
    private static String namespace;

    @BeforeAll
    static void createNamespace() {
        namespace = CONTROL_PLANE.newNamespace("crd");
    }

    static Stream<Arguments> invalidResources() {
        return Stream.of(
                // ClawInstance
                rejected(instance("ci-unknown-provider").unstructured().set("spec.provider.name", "gpt").toYaml(),
                        "spec.provider.name: Unsupported value: \"gpt\""),
                rejected(instance("ci-no-provider").unstructured().remove("spec.provider").toYaml(),
                        "spec.provider: Required value"),
                rejected(instance("ci-compatible-without-url").withProvider(ProviderName.OPENAI_COMPATIBLE, "llama3").toYaml(),
                        "spec.provider: Invalid value: \"object\": baseURL is required for the openai-compatible and azure-openai providers"),
                rejected(instance("ci-azure-without-url").withProvider(ProviderName.AZURE_OPENAI, "gpt-4o").toYaml(),
                        "baseURL is required for the openai-compatible and azure-openai providers"),
                rejected(instance("ci-ftp-url").withBaseUrl("ftp://models.example.com").toYaml(),
                        "spec.provider.baseURL: Invalid value: \"ftp://models.example.com\": spec.provider.baseURL in body should match"),
                rejected(instance("ci-duplicate-channel").withChannel(ChannelType.SLACK, "slack-a").withChannel(ChannelType.SLACK, "slack-b").toYaml(),
                        "spec.channels: Invalid value: \"array\": each channel type may appear only once"),
                rejected(instance("ci-email-channel").withChannel(ChannelType.SLACK, "slack").unstructured()
                                .set("spec.channels[0].type", "email").toYaml(),
                        "spec.channels[0].type: Unsupported value: \"email\""),
                rejected(instance("ci-empty-memory").withMemoryMaxSizeKB(0).toYaml(),
                        "spec.memory.maxSizeKB: Invalid value: 0: spec.memory.maxSizeKB in body should be greater than or equal to 1"),
                rejected(instance("ci-huge-memory").withMemoryMaxSizeKB(4096).toYaml(),
                        "spec.memory.maxSizeKB in body should be less than or equal to 1000"),
                rejected(instance("ci-bad-policy-name").withPolicy("Restrictive_Policy").toYaml(),
                        "spec.policyRef: Invalid value: \"Restrictive_Policy\": spec.policyRef in body should match"),
                rejected(instance("ci-children-over-concurrency").withSubagents(2, 2, 3).toYaml(),
                        "maxChildrenPerAgent cannot exceed maxConcurrent"),
                rejected(instance("ci-prose-timeout").withRunTimeout("thirty minutes").toYaml(),
                        "spec.agents.runTimeout: Invalid value: \"thirty minutes\""),
                // AgentRun
                rejected(run("ar-" + "x".repeat(61)).toYaml(),
                        "An AgentRun's name is at most 63 characters: it labels the run's Job and pod, and a label value holds 63"),
                rejected(run("ar-allow-and-deny").allow("kubectl.get", "shell").deny("shell").toYaml(),
                        "spec.toolPolicy: Invalid value: \"object\": a tool is listed in both toolPolicy.allow and toolPolicy.deny"),
                rejected(run("ar-depth-zero").childOf("ar-parent", 0).toYaml(),
                        "spec.parent: Invalid value: \"object\": parent.depth must be at least 1"),
                rejected(run("ar-no-task").unstructured().remove("spec.task").toYaml(),
                        "spec.task: Required value"),
                rejected(run("ar-empty-task").withTask("").toYaml(),
                        "spec.task in body should be at least 1 chars long"),
                rejected(run("ar-no-instance").unstructured().remove("spec.instanceRef").toYaml(),
                        "spec.instanceRef: Required value"),
                rejected(run("ar-prose-timeout").withTimeout("5 minutes").toYaml(),
                        "spec.timeout: Invalid value: \"5 minutes\": spec.timeout in body should match"),
                rejected(run("ar-never-cleanup").unstructured().set("spec.cleanup", "Never").toYaml(),
                        "spec.cleanup: Unsupported value: \"Never\""),
                rejected(run("ar-reply-by-email").replyTo(ChannelType.TELEGRAM, "42").unstructured()
                                .set("spec.replyTo.channel", "email").toYaml(),
                        "spec.replyTo.channel: Unsupported value: \"email\""),
                rejected(run("ar-tool-with-space").allow("rm -rf").toYaml(),
                        "spec.toolPolicy.allow[0]: Invalid value: \"rm -rf\""),
                // ClawPolicy
                rejected(policy("cp-unknown-gate").withFeatureGate("browser-automation", true).toYaml(),
                        "spec.featureGates: Invalid value: \"object\": a feature gate is one of code-execution, web-fetch, file-write, channel-messages, scheduling"),
                rejected(policy("cp-maybe").unstructured().set("spec.toolGating.defaultAction", "maybe").toYaml(),
                        "spec.toolGating.defaultAction: Unsupported value: \"maybe\""),
                rejected(policy("cp-duplicate-rule").withToolRule("shell", ToolAction.ASK).withToolRule("shell", ToolAction.DENY).toYaml(),
                        "spec.toolGating.rules: Invalid value: \"array\": each tool may have only one rule"),
                rejected(policy("cp-cidr-and-host").allowEgress(egress("10.0.0.0/8", "api.openai.com")).toYaml(),
                        "spec.networkPolicy.allowedEgress[0]: Invalid value: \"object\": set exactly one of cidr or host"),
                rejected(policy("cp-egress-anywhere").allowEgress(egress(null, null)).toYaml(),
                        "set exactly one of cidr or host in each allowedEgress entry"),
                rejected(policy("cp-bad-cidr").allowEgress(EgressRule.toCidr("300.1.1.1/8", 443)).toYaml(),
                        "spec.networkPolicy.allowedEgress[0].cidr: Invalid value: \"string\": cidr must be an address block"),
                rejected(policy("cp-port-too-high").allowEgress(EgressRule.toHost("api.openai.com", 70000)).toYaml(),
                        "spec.networkPolicy.allowedEgress[0].port in body should be less than or equal to 65535"),
                rejected(policy("cp-lots-of-cpu").withSandboxLimits("lots", "1Gi").toYaml(),
                        "spec.sandboxPolicy.maxCPU: Invalid value: \"\": must be a Kubernetes quantity"),
                rejected(policy("cp-deep-subagents").withSubagentLimits(11, 4).toYaml(),
                        "spec.subagentPolicy.maxDepth in body should be less than or equal to 10"),
                // SkillPack
                rejected(skillPack("sp-unnamed-skill").unstructured().remove("spec.skills[0].name").toYaml(),
                        "spec.skills[0].name: Required value"),
                rejected(skillPack("sp-duplicate-skill").withSkill(SkillPackFixture.DEFAULT_SKILL, "# Again").toYaml(),
                        "spec.skills: Invalid value: \"array\": skill names must be unique within a SkillPack"),
                rejected(skillPack("sp-no-skills").withOnlySkills().toYaml(),
                        "spec.skills in body should have at least 1 items"),
                rejected(skillPack("sp-capital-skill").withOnlySkills(skill("Pod Triage", "# Triage")).toYaml(),
                        "spec.skills[0].name: Invalid value: \"Pod Triage\""),
                rejected(skillPack("sp-latest").withVersion("latest").toYaml(),
                        "spec.version: Invalid value: \"latest\": spec.version in body should match"),
                rejected(skillPack("sp-sidecar-without-image").mountWorkspace(false).toYaml(),
                        "spec.sidecar.image: Required value"),
                rejected(skillPack("sp-vague-memory").withRuntimeRequirements("a lot", "100m").toYaml(),
                        "spec.runtimeRequirements.minMemory: Invalid value: \"\": must be a Kubernetes quantity"),
                // ClawSchedule
                rejected(schedule("cs-prose-cron").withCron("every day").toYaml(),
                        "spec.schedule: Invalid value: \"string\": schedule must be 5 cron fields"),
                rejected(schedule("cs-six-fields").withCron("0 0 9 * * 1-5").toYaml(),
                        "schedule must be 5 cron fields"),
                rejected(schedule("cs-minute-60").withCron("60 9 * * *").toYaml(),
                        "schedule must be 5 cron fields"),
                rejected(schedule("cs-every-macro").withCron("@every 5m").toYaml(),
                        "schedule must be 5 cron fields"),
                rejected(schedule("cs-hourly-type").unstructured().set("spec.type", "hourly").toYaml(),
                        "spec.type: Unsupported value: \"hourly\""),
                rejected(schedule("cs-sometimes").unstructured().set("spec.concurrencyPolicy", "Sometimes").toYaml(),
                        "spec.concurrencyPolicy: Unsupported value: \"Sometimes\""),
                rejected(schedule("cs-no-task").withTask(null).toYaml(),
                        "spec: Invalid value: \"object\": spec.task is required unless spec.type is heartbeat"),
                rejected(schedule("cs-negative-deadline").withStartingDeadlineSeconds(-1L).toYaml(),
                        "spec.startingDeadlineSeconds in body should be greater than or equal to 0"),
                rejected(schedule("cs-no-instance").unstructured().remove("spec.instanceRef").toYaml(),
                        "spec.instanceRef: Required value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidResources")
    void apiserverRejectsWithAReadableMessage(String name, String yaml, String expectedError) {
        CommandResult result = CONTROL_PLANE.kubectl().apply(yaml, namespace);

        assertThat(result.exitCode()).as("kubectl apply of %s should fail; stdout: %s", name, result.stdout()).isNotZero();
        assertThat(result.stderr()).contains(expectedError);
    }

    /** Edge cases the rules must not reject, so they are not stricter than documented. */
    static Stream<Arguments> validEdgeCases() {
        return Stream.of(
                accepted(instance("ci-azure-with-url").withProvider(ProviderName.AZURE_OPENAI, "gpt-4o")
                        .withBaseUrl("https://kubeclaw.openai.azure.com").toYaml()),
                accepted(instance("ci-local-ollama").withProvider(ProviderName.OLLAMA, "llama3.1").withoutAuthSecret().toYaml()),
                accepted(instance("ci-two-channels").withChannel(ChannelType.SLACK, "slack")
                        .withChannel(ChannelType.TELEGRAM, "telegram", List.of("alice")).toYaml()),
                accepted(run("ar-child").childOf("ar-parent", 1).allow("kubectl.*").deny("kubectl.delete").toYaml()),
                accepted(policy("cp-egress").allowEgress(EgressRule.toCidr("fd00::/8", null))
                        .allowEgress(EgressRule.toHost("*.example.com", 443)).withSandboxLimits("2", "512Mi")
                        .withRbacCeilingRule(new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get").build())
                        .toYaml()),
                accepted(skillPack("sp-with-sidecar").withSidecar("kubeclaw/skill-k8s-ops:0.1.0").withVersion("v1.2.3-rc.1").toYaml()),
                accepted(schedule("cs-heartbeat").withType(ScheduleType.HEARTBEAT).withTask(null).withCron("@hourly").toYaml()),
                accepted(schedule("cs-named-days").withCron("*/15 8-18 * jan-jun MON-FRI").toYaml()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validEdgeCases")
    void apiserverAccepts(String name, String yaml) {
        CommandResult result = CONTROL_PLANE.kubectl().apply(yaml, namespace);

        assertThat(result.ok()).as("kubectl apply of %s: %s", name, result.stderr()).isTrue();
    }

    @Test
    void theFabric8ClientGetsTheSameMessage() {
        GenericKubernetesResource broken = instance("ci-client-gpt").inNamespace(namespace).unstructured()
                .set("spec.provider.name", "gpt").toGeneric();

        assertThatThrownBy(() -> CONTROL_PLANE.client().resource(broken).create())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("spec.provider.name: Unsupported value: \"gpt\"");
    }

    @Test
    void explicitFalseForMemoryEnabledSurvivesKubectl() {
        String yaml = instance("ci-forgetful-kubectl").withMemoryEnabled(false).toYaml();

        CONTROL_PLANE.kubectl().apply(yaml, namespace).orThrow("kubectl apply");

        CommandResult read = CONTROL_PLANE.kubectl().run("get", "clawinstance", "ci-forgetful-kubectl", "-n", namespace,
                "-o", "jsonpath={.spec.memory.enabled}");
        assertThat(read.stdout()).isEqualTo("false");
    }

    @Test
    void explicitFalseForMemoryEnabledSurvivesTheFabric8Client() {
        ClawInstance created = CONTROL_PLANE.client().resource(
                instance("ci-forgetful-client").inNamespace(namespace).withMemoryEnabled(false).build()).create();

        ClawInstance read = CONTROL_PLANE.client().resources(ClawInstance.class).inNamespace(namespace)
                .withName(created.getMetadata().getName()).get();
        assertThat(read.getSpec().getMemory().getEnabled()).isFalse();
    }

    @Test
    void unsetMemoryFieldsTakeTheirDefaults() {
        ClawInstanceFixture fixture = instance("ci-defaults").inNamespace(namespace).withSystemPrompt("Be brief.");

        CONTROL_PLANE.client().resource(fixture.build()).create();

        ClawInstance read = CONTROL_PLANE.client().resources(ClawInstance.class).inNamespace(namespace).withName(fixture.name()).get();
        assertThat(read.getSpec().getMemory().getEnabled()).isTrue();
        assertThat(read.getSpec().getMemory().getMaxSizeKB()).isEqualTo(256);
    }

    @Test
    void unsetScheduleAndSidecarFieldsTakeTheirDefaults() {
        ClawScheduleFixture scheduleFixture = schedule("cs-defaults").inNamespace(namespace);
        SkillPackFixture packFixture = skillPack("sp-defaults").inNamespace(namespace).withSidecar("busybox:1.36");

        CONTROL_PLANE.client().resource(scheduleFixture.build()).create();
        CONTROL_PLANE.client().resource(packFixture.build()).create();

        ClawScheduleSpec schedule = CONTROL_PLANE.client().resources(ClawSchedule.class)
                .inNamespace(namespace).withName(scheduleFixture.name()).get().getSpec();
        assertThat(schedule.getIncludeMemory()).isTrue();
        assertThat(schedule.getConcurrencyPolicy()).isEqualTo(ConcurrencyPolicy.FORBID);
        assertThat(schedule.getSuccessfulRunsHistoryLimit()).isEqualTo(3);
        assertThat(schedule.getFailedRunsHistoryLimit()).isEqualTo(1);
        SidecarSpec sidecar = CONTROL_PLANE.client().resources(SkillPack.class)
                .inNamespace(namespace).withName(packFixture.name()).get().getSpec().getSidecar();
        assertThat(sidecar.getMountWorkspace()).isTrue();
    }

    @Test
    void instanceRefOfARunCannotChange() {
        AgentRunFixture fixture = run("ar-moving").forInstance("alice");
        CONTROL_PLANE.kubectl().apply(fixture.toYaml(), namespace).orThrow("kubectl apply");

        CommandResult moved = CONTROL_PLANE.kubectl().apply(fixture.forInstance("bob").toYaml(), namespace);

        assertThat(moved.exitCode()).isNotZero();
        assertThat(moved.stderr()).contains("spec.instanceRef: Invalid value: \"string\": instanceRef cannot be changed");
    }

    private static Arguments rejected(String yaml, String expectedError) {
        return Arguments.of(nameIn(yaml), yaml, expectedError);
    }

    private static Arguments accepted(String yaml) {
        return Arguments.of(nameIn(yaml), yaml);
    }

    /** The case's name is the resource's, which says what is wrong with it. */
    private static String nameIn(String yaml) {
        return Serialization.unmarshal(yaml, GenericKubernetesResource.class).getMetadata().getName();
    }

    private static EgressRule egress(String cidr, String host) {
        EgressRule rule = new EgressRule();
        rule.setCidr(cidr);
        rule.setHost(host);
        return rule;
    }
}

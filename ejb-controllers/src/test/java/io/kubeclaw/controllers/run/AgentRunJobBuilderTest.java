package io.kubeclaw.controllers.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.common.ChannelType;
import io.kubeclaw.api.v1alpha1.policy.ToolAction;
import io.kubeclaw.api.v1alpha1.run.CleanupPolicy;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.fixtures.SkillPackFixture;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AgentRunJobBuilderTest {

    private static final RunSettings SETTINGS = new RunSettings("kubeclaw/runner:1", "kubeclaw/ipc-bridge:1", "kubeclaw/sandbox:1",
            "nats://nats.kubeclaw-system:4222", 300, RunSettings.DEFAULT_EVENT_BUS);

    private static final SkillPack OPS = SkillPackFixture.skillPack("k8s-ops").inNamespace("team")
            .withSidecar("kubeclaw/skill-k8s-ops:1")
            .withSidecarRbac(new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get", "list").build())
            .build();
    private static final SkillPack DOCS = SkillPackFixture.skillPack("docs").inNamespace("team").withSidecar("kubeclaw/skill-docs:1").build();
    private static final SkillPack PLAIN = SkillPackFixture.skillPack("plain").inNamespace("team").build();

    private static RunInputs inputs(AgentRun run, List<SkillPack> packs, List<ClawPolicy> policies, boolean memory) {
        run.getMetadata().setUid("run-uid");
        return new RunInputs(run, ClawInstanceFixture.instance("assistant").inNamespace("team").withAuthSecret("llm", "api-key").build(),
                packs, policies, memory, SETTINGS);
    }

    private static AgentRun run() {
        return AgentRunFixture.run("diagnose").inNamespace("team").build();
    }

    private static PodSpec pod(Job job) {
        return job.getSpec().getTemplate().getSpec();
    }

    private static Stream<Container> allContainers(Job job) {
        return Stream.concat(pod(job).getInitContainers().stream(), pod(job).getContainers().stream());
    }

    private static Container named(Job job, String name) {
        return allContainers(job).filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> mountPaths(Container container) {
        return container.getVolumeMounts().stream().map(VolumeMount::getMountPath).toList();
    }

    @Test
    void oneJobOwnedByTheRunThatNeverRetries() {
        Job job = AgentRunJobBuilder.desired(inputs(run(), List.of(), List.of(), false));

        assertThat(job.getMetadata().getName()).isEqualTo("diagnose-run");
        assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("AgentRun");
            assertThat(owner.getUid()).isEqualTo("run-uid");
            assertThat(owner.getController()).isTrue();
        });
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800L);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(300);
        assertThat(job.getMetadata().getLabels()).containsEntry(RunLabels.RUN, "diagnose").containsEntry(RunLabels.INSTANCE, "assistant");
    }

    @Test
    void timeoutAndCleanupComeFromTheRun() {
        AgentRun run = AgentRunFixture.run("diagnose").inNamespace("team").withTimeout("1h30m").withCleanup(CleanupPolicy.KEEP).build();

        Job job = AgentRunJobBuilder.desired(inputs(run, List.of(), List.of(), false));

        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(5400L);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isNull();
    }

    @Test
    void everyContainerRunsRestricted() {
        Job job = AgentRunJobBuilder.desired(inputs(run(), List.of(OPS, DOCS), List.of(), true));

        assertThat(allContainers(job)).hasSize(4).allSatisfy(container -> {
            var security = container.getSecurityContext();
            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getRunAsUser()).isEqualTo(1000L);
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        });
    }

    @Test
    void sidecarsAreNativeSoTheJobEndsWithTheAgent() {
        Job job = AgentRunJobBuilder.desired(inputs(run(), List.of(OPS, DOCS, PLAIN), List.of(), false));

        assertThat(pod(job).getContainers()).extracting(Container::getName).containsExactly("agent");
        assertThat(pod(job).getInitContainers()).extracting(Container::getName).containsExactly("ipc-bridge", "skill-k8s-ops", "skill-docs");
        assertThat(pod(job).getInitContainers()).allSatisfy(c -> assertThat(c.getRestartPolicy()).isEqualTo("Always"));
    }

    @Test
    void onlySidecarsThatDeclareRbacGetATokenEachTheirOwn() {
        Job job = AgentRunJobBuilder.desired(inputs(run(), List.of(OPS, DOCS), List.of(), false));

        assertThat(pod(job).getAutomountServiceAccountToken()).isFalse();
        assertThat(pod(job).getServiceAccountName()).isEqualTo("diagnose-agent");
        assertThat(mountPaths(named(job, "agent"))).doesNotContain(AgentRunJobBuilder.TOKEN_PATH);
        assertThat(mountPaths(named(job, "skill-docs"))).doesNotContain(AgentRunJobBuilder.TOKEN_PATH);
        assertThat(mountPaths(named(job, "skill-k8s-ops"))).contains(AgentRunJobBuilder.TOKEN_PATH);
        assertThat(named(job, "skill-k8s-ops").getVolumeMounts()).filteredOn(m -> m.getMountPath().equals(AgentRunJobBuilder.TOKEN_PATH))
                .singleElement().satisfies(m -> assertThat(m.getName()).isEqualTo("k8s-ops-token"));
        assertThat(pod(job).getVolumes()).filteredOn(v -> v.getName().equals("k8s-ops-token")).singleElement()
                .satisfies(v -> assertThat(v.getProjected().getSources().getFirst().getSecret().getName())
                        .as("the pack's own token, minted for its ServiceAccount").isEqualTo("diagnose-k8s-ops-token"));
        assertThat(pod(job).getVolumes()).noneMatch(v -> v.getProjected() != null && v.getProjected().getSources().stream()
                .anyMatch(source -> source.getServiceAccountToken() != null));
    }

    @Test
    void theApiKeyIsReferencedNeverCopied() {
        Job job = AgentRunJobBuilder.desired(inputs(run(), List.of(), List.of(), false));

        var key = named(job, "agent").getEnv().stream().filter(e -> e.getName().equals("KUBECLAW_API_KEY")).findFirst().orElseThrow();
        assertThat(key.getValue()).isNull();
        assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("llm");
        assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-key");
        assertThat(named(job, "agent").getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("KUBECLAW_PROVIDER");
            assertThat(e.getValue()).isEqualTo("openai");
        });
    }

    @Test
    void memoryIsMountedReadOnlyOnlyWhenItApplies() {
        Job with = AgentRunJobBuilder.desired(inputs(run(), List.of(), List.of(), true));
        Job without = AgentRunJobBuilder.desired(inputs(run(), List.of(), List.of(), false));

        assertThat(named(with, "agent").getVolumeMounts()).filteredOn(m -> m.getMountPath().equals("/memory"))
                .singleElement().satisfies(m -> assertThat(m.getReadOnly()).isTrue());
        assertThat(pod(with).getVolumes()).anySatisfy(v -> assertThat(v.getConfigMap() == null ? null : v.getConfigMap().getName())
                .isEqualTo("assistant-memory"));
        assertThat(mountPaths(named(without, "agent"))).doesNotContain("/memory");
    }

    @Test
    void workspaceIsSharedOnlyWithSidecarsThatWantIt() {
        SkillPack isolated = SkillPackFixture.skillPack("isolated").inNamespace("team").withSidecar("img:1").mountWorkspace(false).build();

        Job job = AgentRunJobBuilder.desired(inputs(run(), List.of(DOCS, isolated), List.of(), false));

        assertThat(mountPaths(named(job, "skill-docs"))).contains("/workspace");
        assertThat(mountPaths(named(job, "skill-isolated"))).doesNotContain("/workspace");
        assertThat(pod(job).getVolumes()).filteredOn(v -> v.getName().equals(AgentRunJobBuilder.SKILLS)).singleElement()
                .satisfies(v -> assertThat(v.getProjected().getSources()).extracting(s -> s.getConfigMap().getName())
                        .containsExactly("docs-skills", "isolated-skills"));
    }

    @Test
    void aPolicyThatRequiresASandboxAddsOneAndCapsTheWholePod() {
        ClawPolicy policy = ClawPolicyFixture.policy("strict").inNamespace("team").requireSandbox("kubeclaw/sandbox:strict")
                .withSandboxLimits("500m", "256Mi").build();

        Job job = AgentRunJobBuilder.desired(inputs(run(), List.of(OPS, DOCS), List.of(policy), false));

        assertThat(named(job, "sandbox").getImage()).isEqualTo("kubeclaw/sandbox:strict");
        // Agent, bridge, sandbox and two skill sidecars: together, not each, within the policy's maxima.
        List<Container> containers = allContainers(job).toList();
        assertThat(containers).hasSize(5);
        assertThat(total(containers, "cpu")).isLessThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("500m")));
        assertThat(total(containers, "memory")).isLessThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("256Mi")));
        assertThat(containers).allSatisfy(c -> {
            assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
            c.getResources().getRequests().forEach((resource, request) -> assertThat(Quantity.getAmountInBytes(request))
                    .as(c.getName() + " " + resource).isLessThanOrEqualTo(Quantity.getAmountInBytes(c.getResources().getLimits().get(resource))));
        });
        assertThat(Quantity.getAmountInBytes(named(job, "agent").getResources().getLimits().get("cpu")))
                .as("the agent keeps the largest share").isGreaterThan(Quantity.getAmountInBytes(named(job, "ipc-bridge").getResources().getLimits().get("cpu")));
    }

    @Test
    void theInstancesSystemPromptComesBeforeTheRunsOwn() {
        AgentRun run = AgentRunFixture.run("diagnose").inNamespace("team").withSystemPrompt("Answer in French.").build();
        run.getMetadata().setUid("run-uid");
        RunInputs inputs = new RunInputs(run, ClawInstanceFixture.instance("assistant").inNamespace("team").withSystemPrompt("You run payments.")
                .build(), List.of(), List.of(), false, SETTINGS);

        assertThat(env(named(AgentRunJobBuilder.desired(inputs), "agent"))).containsEntry("KUBECLAW_SYSTEM_PROMPT", "You run payments.\n\nAnswer in French.");
        assertThat(env(named(AgentRunJobBuilder.desired(inputs(run(), List.of(), List.of(), false)), "agent"))).doesNotContainKey("KUBECLAW_SYSTEM_PROMPT");
    }

    @Test
    void withoutMaximaThePodKeepsWhatItsContainersAskFor() {
        Job job = AgentRunJobBuilder.desired(inputs(run(), List.of(OPS), List.of(), false));

        assertThat(named(job, "agent").getResources().getLimits()).containsEntry("cpu", new Quantity("1")).containsEntry("memory", new Quantity("512Mi"));
    }

    private static java.math.BigDecimal total(List<Container> containers, String resource) {
        return containers.stream().map(c -> Quantity.getAmountInBytes(c.getResources().getLimits().get(resource)))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    @Test
    void noSandboxUnlessAskedOrRequired() {
        Job job = AgentRunJobBuilder.desired(inputs(run(), List.of(), List.of(), false));

        assertThat(allContainers(job)).extracting(Container::getName).doesNotContain("sandbox");
    }

    @Test
    void theRunnerAndTheBridgeLearnTheRunItsRulesAndItsExecutors() {
        AgentRun run = AgentRunFixture.run("diagnose").inNamespace("team").deny("fetch_url").replyTo(ChannelType.SLACK, "C042").build();
        ClawPolicy policy = ClawPolicyFixture.policy("strict").inNamespace("team").defaultToolAction(ToolAction.ASK)
                .withToolRule("read_file", ToolAction.ALLOW).build();

        Job job = AgentRunJobBuilder.desired(inputs(run, List.of(OPS, PLAIN), List.of(policy), false));

        var agent = env(named(job, "agent"));
        assertThat(agent).containsEntry("KUBECLAW_RUN_UID", "run-uid")
                .containsEntry("KUBECLAW_REPLY_TO", "slack:C042")
                .containsEntry("KUBECLAW_EXECUTORS", "skill-k8s-ops")
                .containsEntry("KUBECLAW_TOOL_RULES", "{\"version\":1,\"deny\":[\"fetch_url\"],"
                        + "\"rules\":[{\"tool\":\"read_file\",\"action\":\"allow\"}],\"defaultAction\":\"ask\"}")
                .containsEntry("KUBECLAW_EGRESS_RULES", "{\"version\":1,\"rules\":[]}");
        Container bridge = named(job, "ipc-bridge");
        assertThat(bridge.getArgs()).containsExactly("bridge");
        assertThat(env(bridge)).containsEntry("KUBECLAW_RUN_UID", "run-uid").containsEntry("EVENT_BUS_URL", "nats://nats.kubeclaw-system:4222")
                .containsEntry("KUBECLAW_NAMESPACE", "team").containsEntry("KUBECLAW_INSTANCE", "assistant");
        assertThat(env(named(job, "skill-k8s-ops"))).containsEntry("KUBECLAW_EXECUTOR_NAME", "skill-k8s-ops");
    }

    private static java.util.Map<String, String> env(Container container) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }
}

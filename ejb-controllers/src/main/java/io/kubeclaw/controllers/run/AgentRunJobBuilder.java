package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.objects.MemoryConfigMap;
import io.kubeclaw.api.objects.RunPodLayout;
import io.kubeclaw.api.policy.RunSandbox;
import io.kubeclaw.api.runner.RunnerEnv;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.common.GoDuration;
import io.kubeclaw.api.v1alpha1.common.SandboxSpec;
import io.kubeclaw.api.v1alpha1.common.SecretKeyRef;
import io.kubeclaw.api.v1alpha1.instance.ProviderSpec;
import io.kubeclaw.api.v1alpha1.policy.SandboxPolicy;
import io.kubeclaw.api.v1alpha1.run.CleanupPolicy;
import io.kubeclaw.api.v1alpha1.run.ReplyTarget;
import io.kubeclaw.api.v1alpha1.skillpack.SidecarSpec;
import io.kubeclaw.controllers.memory.InstanceMemory;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.ownership.OwnedNames;
import io.kubeclaw.controllers.security.RestrictedSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the Job of one AgentRun: the agent container, the IPC bridge, an optional sandbox and one
 * sidecar per SkillPack that declares one, all as native sidecars so the Job completes when the agent
 * exits. A pure function of its inputs; the reconciler creates what it returns exactly once.
 */
public final class AgentRunJobBuilder {

    static final String IPC = "ipc";
    static final String WORKSPACE = "workspace";
    static final String SKILLS = "skills";
    static final String MEMORY = "memory";
    static final String TMP = "tmp";
    /** Where Kubernetes clients look for the in-cluster token, CA and namespace. */
    static final String TOKEN_PATH = RunPodLayout.TOKEN_PATH;
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private static final ResourceRequirements AGENT_RESOURCES = new ResourceRequirementsBuilder()
            .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi")))
            .withLimits(Map.of("cpu", new Quantity("1"), "memory", new Quantity("512Mi")))
            .build();
    private static final ResourceRequirements BRIDGE_RESOURCES = new ResourceRequirementsBuilder()
            .withRequests(Map.of("cpu", new Quantity("20m"), "memory", new Quantity("64Mi")))
            .withLimits(Map.of("cpu", new Quantity("200m"), "memory", new Quantity("128Mi")))
            .build();

    private AgentRunJobBuilder() {
    }

    /** The desired Job for {@code inputs}. */
    public static Job desired(RunInputs inputs) {
        AgentRun run = inputs.run();
        String name = run.getMetadata().getName();
        Map<String, String> labels = RunLabels.of(run);
        Duration timeout = timeout(inputs);

        List<Container> sidecars = new ArrayList<>();
        sidecars.add(ipcBridge(inputs));
        sandbox(inputs).ifPresent(sidecars::add);
        inputs.skillPacks().stream().filter(pack -> pack.getSpec().getSidecar() != null)
                .map(pack -> skillSidecar(pack, inputs)).forEach(sidecars::add);
        Container agent = agent(inputs);
        List<Container> all = new ArrayList<>(sidecars);
        all.add(agent);
        inputs.ceiling().fitPod(all);

        return new JobBuilder()
                .withMetadata(OwnedMetadata.controlledBy(run, RunResourceNames.job(name), RunLabels.of(run)))
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withActiveDeadlineSeconds(Math.max(1, timeout.toSeconds()))
                    .withTtlSecondsAfterFinished(run.getSpec().getCleanup() == CleanupPolicy.KEEP ? null : inputs.settings().finishedJobTtlSeconds())
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withServiceAccountName(RunResourceNames.serviceAccount(name))
                            // The agent gets no API token; only RBAC-bearing skill sidecars mount one, explicitly.
                            .withAutomountServiceAccountToken(false)
                            .withEnableServiceLinks(false)
                            .withSecurityContext(RestrictedSecurity.pod())
                            .withInitContainers(sidecars)
                            .withContainers(agent)
                            .withVolumes(volumes(inputs))
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private static Container agent(RunInputs inputs) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(mount(IPC, RunPodLayout.IPC_PATH, false), mount(WORKSPACE, RunPodLayout.WORKSPACE_PATH, false),
                mount(TMP, RunPodLayout.TMP_PATH, false)));
        if (!inputs.skillPacks().isEmpty()) {
            mounts.add(mount(SKILLS, "/skills", true));
        }
        if (inputs.memoryMounted()) {
            mounts.add(mount(MEMORY, "/memory", true));
        }
        return new ContainerBuilder()
                .withName(RunPodLayout.AGENT)
                .withImage(inputs.settings().runnerImage())
                .withEnv(agentEnv(inputs))
                .withVolumeMounts(mounts)
                .withResources(inputs.ceiling().apply(AGENT_RESOURCES))
                .withSecurityContext(RestrictedSecurity.container())
                .build();
    }

    private static List<EnvVar> agentEnv(RunInputs inputs) {
        AgentRun run = inputs.run();
        ProviderSpec provider = inputs.instance().getSpec().getProvider();
        Map<String, String> plain = new LinkedHashMap<>();
        plain.putAll(runIdentity(inputs));
        plain.put("KUBECLAW_PROVIDER", provider.getName().wireName());
        plain.put("KUBECLAW_MODEL", run.getSpec().getModel() != null ? run.getSpec().getModel() : provider.getModel());
        plain.put("KUBECLAW_BASE_URL", provider.getBaseURL());
        plain.put("KUBECLAW_TASK", run.getSpec().getTask());
        plain.put("KUBECLAW_SYSTEM_PROMPT", systemPrompt(inputs));
        plain.put("KUBECLAW_TIMEOUT", run.getSpec().getTimeout());
        plain.put("MEMORY_ENABLED", String.valueOf(inputs.memoryMounted()));
        plain.put(RunnerEnv.TOOL_RULES, EventJson.write(RunnerPolicy.toolRules(run, inputs.policies())));
        plain.put(RunnerEnv.EGRESS_RULES, EventJson.write(RunnerPolicy.egress(inputs.networkIsolation())));
        ReplyTarget reply = run.getSpec().getReplyTo();
        if (reply != null && reply.getChannel() != null) {
            plain.put(RunnerEnv.REPLY_TO, reply.getChannel().wireName() + ":" + reply.getChatId());
        }
        plain.put(RunnerEnv.EXECUTORS, String.join(",", executorNames(inputs)));
        List<EnvVar> env = new ArrayList<>();
        plain.forEach((key, value) -> {
            if (value != null) {
                env.add(new EnvVar(key, value, null));
            }
        });
        SecretKeyRef secret = provider.getAuthSecretRef();
        if (secret != null) {
            // By reference only: the key never appears in the Job or Pod spec.
            env.add(new EnvVarBuilder().withName("KUBECLAW_API_KEY")
                    .withNewValueFrom().withNewSecretKeyRef().withName(secret.getName()).withKey(secret.getKey()).withOptional(false)
                    .endSecretKeyRef().endValueFrom().build());
        }
        return env;
    }

    /** Names the run to the runner and the bridge; the UID keeps a new run of the same name apart on the bus. */
    private static Map<String, String> runIdentity(RunInputs inputs) {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put(RunnerEnv.RUN_NAME, inputs.run().getMetadata().getName());
        identity.put(RunnerEnv.NAMESPACE, inputs.run().getMetadata().getNamespace());
        identity.put(RunnerEnv.INSTANCE, inputs.instance().getMetadata().getName());
        if (inputs.run().getMetadata().getUid() != null) {
            identity.put(RunnerEnv.RUN_UID, inputs.run().getMetadata().getUid());
        }
        return identity;
    }

    private static List<String> executorNames(RunInputs inputs) {
        return inputs.skillPacks().stream().filter(pack -> pack.getSpec().getSidecar() != null)
                .map(AgentRunJobBuilder::skillContainerName).toList();
    }

    private static String skillContainerName(SkillPack pack) {
        return RunPodLayout.SKILL_PREFIX + pack.getMetadata().getName();
    }

    private static Container ipcBridge(RunInputs inputs) {
        List<EnvVar> env = new ArrayList<>();
        runIdentity(inputs).forEach((key, value) -> env.add(new EnvVar(key, value, null)));
        env.add(new EnvVar(RunnerEnv.EVENT_BUS_URL, inputs.settings().eventBusUrl(), null));
        return nativeSidecar(RunPodLayout.IPC_BRIDGE, inputs.settings().ipcBridgeImage())
                .withArgs("bridge")
                .withEnv(env)
                .withVolumeMounts(mount(IPC, RunPodLayout.IPC_PATH, false))
                .withResources(BRIDGE_RESOURCES)
                .build();
    }

    private static Optional<Container> sandbox(RunInputs inputs) {
        // The same merge the webhook checked: the run's fields, else its instance's.
        Optional<SandboxSpec> asked = RunSandbox.of(inputs.run(), inputs.instance());
        if (!RunSandbox.enabled(asked, inputs.sandboxRequired())) {
            return Optional.empty();
        }
        SandboxSpec requested = asked.orElse(null);
        String image = requested != null && requested.getImage() != null ? requested.getImage()
                : inputs.sandboxImage().orElse(inputs.settings().sandboxImage());
        return Optional.of(nativeSidecar(RunPodLayout.SANDBOX, image)
                .withVolumeMounts(mount(WORKSPACE, RunPodLayout.WORKSPACE_PATH, false), mount(TMP, RunPodLayout.TMP_PATH, false))
                .withResources(inputs.ceiling().apply(requested == null ? null : requested.getResources()))
                .build());
    }

    private static Container skillSidecar(SkillPack pack, RunInputs inputs) {
        SidecarSpec sidecar = pack.getSpec().getSidecar();
        List<VolumeMount> mounts = new ArrayList<>(List.of(mount(IPC, RunPodLayout.IPC_PATH, false), mount(TMP, RunPodLayout.TMP_PATH, false)));
        if (!Boolean.FALSE.equals(sidecar.getMountWorkspace())) {
            mounts.add(mount(WORKSPACE, RunPodLayout.WORKSPACE_PATH, false));
        }
        if (RunInputs.declaresRbac(pack)) {
            mounts.add(mount(tokenVolume(pack), TOKEN_PATH, true));
        }
        List<EnvVar> env = new ArrayList<>(sidecar.getEnv() == null ? List.of() : sidecar.getEnv());
        // The tool executor in the skill image says which sidecar ran a command.
        env.add(new EnvVar(RunnerEnv.EXECUTOR_NAME, skillContainerName(pack), null));
        return nativeSidecar(skillContainerName(pack), sidecar.getImage())
                .withCommand(sidecar.getCommand())
                .withArgs(sidecar.getArgs())
                .withEnv(env)
                .withVolumeMounts(mounts)
                .withResources(inputs.ceiling().apply(sidecar.getResources()))
                .build();
    }

    /** An init container that keeps running beside the agent (restartPolicy Always) and stops when it exits. */
    private static ContainerBuilder nativeSidecar(String name, String image) {
        return new ContainerBuilder()
                .withName(name)
                .withImage(image)
                .withRestartPolicy("Always")
                .withSecurityContext(RestrictedSecurity.container());
    }

    private static List<Volume> volumes(RunInputs inputs) {
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName(IPC).withNewEmptyDir().withMedium("Memory").withSizeLimit(new Quantity("64Mi")).endEmptyDir().build());
        volumes.add(new VolumeBuilder().withName(WORKSPACE).withNewEmptyDir().withSizeLimit(new Quantity("1Gi")).endEmptyDir().build());
        volumes.add(new VolumeBuilder().withName(TMP).withNewEmptyDir().withSizeLimit(new Quantity("256Mi")).endEmptyDir().build());
        if (!inputs.skillPacks().isEmpty()) {
            volumes.add(new VolumeBuilder().withName(SKILLS).withNewProjected().withSources(inputs.skillPacks().stream()
                    .map(pack -> new VolumeProjectionBuilder().withNewConfigMap().withName(SkillPackNames.configMap(pack.getMetadata().getName()))
                            .endConfigMap().build()).toList()).endProjected().build());
        }
        if (inputs.memoryMounted()) {
            volumes.add(new VolumeBuilder().withName(MEMORY).withNewConfigMap()
                    .withName(MemoryConfigMap.name(inputs.instance().getMetadata().getName())).withOptional(true).endConfigMap().build());
        }
        // Each RBAC-bearing pack's own token, which only its container mounts.
        for (SkillPack pack : inputs.skillPacks().stream().filter(RunInputs::declaresRbac).toList()) {
            String secret = RunResourceNames.skillToken(inputs.run().getMetadata().getName(), pack.getMetadata().getName());
            volumes.add(new VolumeBuilder().withName(tokenVolume(pack)).withNewProjected().withSources(
                    new VolumeProjectionBuilder().withNewSecret().withName(secret).addNewItem().withKey(SkillTokens.KEY).withPath("token").endItem().endSecret().build(),
                    new VolumeProjectionBuilder().withNewConfigMap().withName("kube-root-ca.crt").addNewItem().withKey("ca.crt").withPath("ca.crt").endItem().endConfigMap().build(),
                    new VolumeProjectionBuilder().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef().withFieldPath("metadata.namespace").endFieldRef().endItem().endDownwardAPI().build()
            ).endProjected().build());
        }
        return volumes;
    }

    private static String tokenVolume(SkillPack pack) {
        return OwnedNames.bounded(pack.getMetadata().getName(), "-token");
    }

    private static VolumeMount mount(String volume, String path, boolean readOnly) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(readOnly).build();
    }

    /** The instance's system prompt (spec.memory.systemPrompt), then the run's own, each when set. */
    static String systemPrompt(RunInputs inputs) {
        var memory = inputs.instance().getSpec().getMemory();
        String instance = memory == null ? null : memory.getSystemPrompt();
        String own = inputs.run().getSpec().getSystemPrompt();
        String joined = Stream.of(instance, own).filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n\n"));
        return joined.isEmpty() ? null : joined;
    }

    /** How long the run may take: its own timeout, else its instance's, else the default. */
    static Duration timeout(RunInputs inputs) {
        return GoDuration.parse(inputs.run().getSpec().getTimeout(), GoDuration.parse(agentsTimeout(inputs.instance()), DEFAULT_TIMEOUT));
    }

    private static String agentsTimeout(ClawInstance instance) {
        return instance.getSpec().getAgents() == null ? null : instance.getSpec().getAgents().getRunTimeout();
    }
}

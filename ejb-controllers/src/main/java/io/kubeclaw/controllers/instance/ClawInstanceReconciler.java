package io.kubeclaw.controllers.instance;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubeclaw.api.objects.MemoryConfigMap;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawInstanceStatus;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.common.ReadinessPhase;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.controllers.channel.ChannelDeploymentBuilder;
import io.kubeclaw.controllers.channel.ChannelSettings;
import io.kubeclaw.controllers.channel.InstanceChannels;
import io.kubeclaw.controllers.events.EventRecorder;
import io.kubeclaw.controllers.memory.InstanceMemory;
import io.kubeclaw.controllers.ownership.OwnedObjects;
import io.kubeclaw.controllers.status.ConditionAggregator;
import io.kubeclaw.controllers.status.ConditionTypes;
import io.kubeclaw.controllers.status.Reasons;
import io.kubeclaw.controllers.status.StatusMemo;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciles a ClawInstance: accepts it under its ClawPolicy, keeps its memory ConfigMap and one
 * Deployment per channel, and reports its runs. A policy created or deleted later re-triggers every
 * instance that names it; a run changing phase re-triggers its instance's counts.
 */
@ControllerConfiguration(name = ClawInstanceReconciler.NAME)
public class ClawInstanceReconciler implements Reconciler<ClawInstance> {

    private final StatusMemo<ClawInstanceStatus, ClawInstance> statuses = new StatusMemo<>(ClawInstanceStatus.class, ClawInstanceStatus::new, ClawInstance::new);

    public static final String NAME = "clawinstance";

    private final EventRecorder events;
    private final Clock clock;
    private final InstanceMemory memory;
    private final InstanceChannels channels;

    public ClawInstanceReconciler(KubernetesClient client, EventRecorder events, Clock clock, ChannelSettings channelSettings) {
        this.events = events;
        this.clock = clock;
        this.memory = new InstanceMemory(client);
        this.channels = new InstanceChannels(client, NAME, channelSettings);
    }

    @Override
    public List<EventSource<?, ClawInstance>> prepareEventSources(EventSourceContext<ClawInstance> context) {
        var policies = InformerEventSourceConfiguration.from(ClawPolicy.class, ClawInstance.class)
                .withSecondaryToPrimaryMapper(policy -> instancesNaming(policy, context))
                .withPrimaryToSecondaryMapper((ClawInstance instance) -> policyOf(instance))
                .build();
        var memories = InformerEventSourceConfiguration.from(ConfigMap.class, ClawInstance.class)
                .withLabelSelector(InstanceMemory.INSTANCE_LABEL)
                .build();
        var deployments = InformerEventSourceConfiguration.from(Deployment.class, ClawInstance.class)
                .withLabelSelector(ChannelDeploymentBuilder.COMPONENT + "=" + ChannelDeploymentBuilder.COMPONENT_CHANNEL)
                .build();
        var runs = InformerEventSourceConfiguration.from(AgentRun.class, ClawInstance.class)
                .withSecondaryToPrimaryMapper(run -> Set.of(new ResourceID(run.getSpec().getInstanceRef(), run.getMetadata().getNamespace())))
                .withPrimaryToSecondaryMapper((ClawInstance instance) -> Set.of())
                .build();
        return List.of(new InformerEventSource<>(policies, context), new InformerEventSource<>(memories, context),
                new InformerEventSource<>(deployments, context), new InformerEventSource<>(runs, context));
    }

    @Override
    public UpdateControl<ClawInstance> reconcile(ClawInstance instance, Context<ClawInstance> context) {
        PolicyResolution policy = PolicyResolution.of(instance, context.getSecondaryResource(ClawPolicy.class));
        ClawInstanceStatus status = statuses.workingCopy(instance);
        ConditionAggregator conditions = new ConditionAggregator(status.getConditions(), instance.getMetadata().getGeneration(), clock)
                .set(ConditionTypes.ACCEPTED, policy.accepted(), policy.reason(), policy.message());
        reportTransition(instance, conditions, policy);
        ensureMemory(instance, context, conditions);
        InstanceChannels.Report channelReport = channels.ensure(instance, context.getSecondaryResources(Deployment.class));
        status.setChannels(channelReport.statuses());
        conditions.set(ConditionTypes.CHANNELS_READY, channelReport.ready(), channelReport.reason(), channelReport.message());
        countRuns(instance, context, status);

        boolean ready = policy.accepted() && conditions.isTrue(ConditionTypes.MEMORY_READY) && channelReport.ready();
        conditions.set(ConditionTypes.READY, ready, ready ? Reasons.READY : Reasons.NOT_READY, ready ? "the instance can run agents"
                : "not ready: see the Accepted, MemoryReady and ChannelsReady conditions");
        status.setConditions(conditions.conditions());
        status.setObservedGeneration(instance.getMetadata().getGeneration());
        status.setPhase(!policy.accepted() ? ReadinessPhase.FAILED : ready ? ReadinessPhase.READY : ReadinessPhase.DEGRADED);
        return statuses.patchIfChanged(instance, status);
    }

    /** Creates the memory ConfigMap when memory is on and it is missing; existing memory is never rewritten here. */
    private void ensureMemory(ClawInstance instance, Context<ClawInstance> context, ConditionAggregator conditions) {
        String name = MemoryConfigMap.name(instance.getMetadata().getName());
        if (!MemoryConfigMap.enabled(instance)) {
            conditions.set(ConditionTypes.MEMORY_READY, true, Reasons.MEMORY_DISABLED, "memory is disabled (spec.memory.enabled: false)");
            return;
        }
        boolean cached = context.getSecondaryResources(ConfigMap.class).stream().anyMatch(map -> name.equals(map.getMetadata().getName())
                && OwnedObjects.controlledBy(map, instance.getMetadata().getUid()));
        try {
            if (!cached && memory.ensureExists(instance)) {
                events.normal(instance, Reasons.MEMORY_CREATED, "created memory ConfigMap " + name);
            }
        } catch (OwnedObjects.NotOwned e) {
            conditions.set(ConditionTypes.MEMORY_READY, false, Reasons.OBJECT_NOT_OWNED, e.getMessage());
            return;
        }
        conditions.set(ConditionTypes.MEMORY_READY, true, Reasons.MEMORY_READY, "memory is kept in ConfigMap " + name + " (key "
                + MemoryConfigMap.KEY + ")");
    }

    private static void countRuns(ClawInstance instance, Context<ClawInstance> context, ClawInstanceStatus status) {
        InformerEventSource<AgentRun, ClawInstance> runs = (InformerEventSource<AgentRun, ClawInstance>) context.eventSourceRetriever()
                .getEventSourceFor(AgentRun.class);
        List<AgentRun> own = runs.list(instance.getMetadata().getNamespace(),
                run -> instance.getMetadata().getName().equals(run.getSpec().getInstanceRef())).toList();
        status.setActiveAgentPods((int) own.stream().filter(run -> phaseOf(run) == AgentRunPhase.RUNNING).count());
        status.setTotalAgentRuns(own.stream().filter(run -> run.getStatus() != null && run.getStatus().getJobName() != null).count());
    }

    private static AgentRunPhase phaseOf(AgentRun run) {
        return run.getStatus() == null ? null : run.getStatus().getPhase();
    }

    private void reportTransition(ClawInstance instance, ConditionAggregator conditions, PolicyResolution policy) {
        if (!conditions.statusChanged(ConditionTypes.ACCEPTED)) {
            return;
        }
        if (policy.accepted()) {
            events.normal(instance, policy.reason(), policy.message());
        } else {
            events.warning(instance, policy.reason(), policy.message());
        }
    }

    private static Set<ResourceID> policyOf(ClawInstance instance) {
        String ref = instance.getSpec() == null ? null : instance.getSpec().getPolicyRef();
        return ref == null || ref.isBlank() ? Set.of() : Set.of(new ResourceID(ref, instance.getMetadata().getNamespace()));
    }

    private static Set<ResourceID> instancesNaming(HasMetadata policy, EventSourceContext<ClawInstance> context) {
        String namespace = policy.getMetadata().getNamespace();
        return context.getPrimaryCache()
                .list(namespace, instance -> instance.getSpec() != null
                        && Objects.equals(policy.getMetadata().getName(), instance.getSpec().getPolicyRef()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }
}

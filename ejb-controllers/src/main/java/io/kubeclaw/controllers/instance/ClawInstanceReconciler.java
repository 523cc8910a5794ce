package io.kubeclaw.controllers.instance;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawInstanceStatus;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.common.ReadinessPhase;
import io.kubeclaw.controllers.events.EventRecorder;
import io.kubeclaw.controllers.status.ConditionAggregator;
import io.kubeclaw.controllers.status.ConditionTypes;
import io.kubeclaw.controllers.status.StatusPatches;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciles a ClawInstance: resolves its ClawPolicy and reports whether the instance is accepted.
 * A policy created or deleted later re-triggers every instance that names it.
 */
@ControllerConfiguration(name = ClawInstanceReconciler.NAME)
public class ClawInstanceReconciler implements Reconciler<ClawInstance> {

    public static final String NAME = "clawinstance";

    private final EventRecorder events;
    private final Clock clock;

    public ClawInstanceReconciler(EventRecorder events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, ClawInstance>> prepareEventSources(EventSourceContext<ClawInstance> context) {
        var policies = InformerEventSourceConfiguration.from(ClawPolicy.class, ClawInstance.class)
                .withSecondaryToPrimaryMapper(policy -> instancesNaming(policy, context))
                .withPrimaryToSecondaryMapper((ClawInstance instance) -> policyOf(instance))
                .build();
        return List.of(new InformerEventSource<>(policies, context));
    }

    @Override
    public UpdateControl<ClawInstance> reconcile(ClawInstance instance, Context<ClawInstance> context) {
        PolicyResolution policy = PolicyResolution.of(instance, context.getSecondaryResource(ClawPolicy.class));
        ClawInstanceStatus status = StatusPatches.workingCopy(instance, ClawInstanceStatus::new);
        ConditionAggregator conditions = new ConditionAggregator(status.getConditions(), instance.getMetadata().getGeneration(), clock)
                .set(ConditionTypes.ACCEPTED, policy.accepted(), policy.reason(), policy.message());
        reportTransition(instance, conditions, policy);
        status.setConditions(conditions.conditions());
        status.setObservedGeneration(instance.getMetadata().getGeneration());
        status.setPhase(policy.accepted() ? ReadinessPhase.READY : ReadinessPhase.FAILED);
        return StatusPatches.patchIfChanged(instance, status, ClawInstance::new);
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

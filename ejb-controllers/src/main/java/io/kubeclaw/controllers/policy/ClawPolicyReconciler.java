package io.kubeclaw.controllers.policy;

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
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.ClawPolicyStatus;
import io.kubeclaw.controllers.status.ConditionAggregator;
import io.kubeclaw.controllers.status.ConditionTypes;
import io.kubeclaw.controllers.status.Reasons;
import io.kubeclaw.controllers.status.StatusMemo;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reconciles a ClawPolicy: reports which instances are bound to it, so nobody deletes a policy in use unawares. */
@ControllerConfiguration(name = ClawPolicyReconciler.NAME)
public class ClawPolicyReconciler implements Reconciler<ClawPolicy> {

    private final StatusMemo<ClawPolicyStatus, ClawPolicy> statuses = new StatusMemo<>(ClawPolicyStatus.class, ClawPolicyStatus::new, ClawPolicy::new);

    public static final String NAME = "clawpolicy";

    private final Clock clock;

    public ClawPolicyReconciler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, ClawPolicy>> prepareEventSources(EventSourceContext<ClawPolicy> context) {
        // An instance that changes its policyRef leaves one policy for another, and the event carries only
        // the new state: so any instance event recounts every policy of its namespace (there are few).
        var instances = InformerEventSourceConfiguration.from(ClawInstance.class, ClawPolicy.class)
                .withSecondaryToPrimaryMapper(instance -> context.getPrimaryCache().list(instance.getMetadata().getNamespace())
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper((ClawPolicy policy) -> Set.of())
                .build();
        return List.of(new InformerEventSource<>(instances, context));
    }

    @Override
    public UpdateControl<ClawPolicy> reconcile(ClawPolicy policy, Context<ClawPolicy> context) {
        InformerEventSource<ClawInstance, ClawPolicy> instances = (InformerEventSource<ClawInstance, ClawPolicy>) context.eventSourceRetriever()
                .getEventSourceFor(ClawInstance.class);
        List<String> bound = instances.list(policy.getMetadata().getNamespace(),
                        instance -> instance.getSpec() != null && policy.getMetadata().getName().equals(instance.getSpec().getPolicyRef()))
                .map(instance -> instance.getMetadata().getName())
                .sorted()
                .toList();
        ClawPolicyStatus status = statuses.workingCopy(policy);
        ConditionAggregator conditions = new ConditionAggregator(status.getConditions(), policy.getMetadata().getGeneration(), clock)
                .set(ConditionTypes.ACCEPTED, true, Reasons.ACCEPTED, bound.isEmpty() ? "no ClawInstance refers to this policy"
                        : "bound to " + bound.size() + " ClawInstance(s); deleting the policy stops their new runs");
        status.setBoundInstances(bound);
        status.setConditions(conditions.conditions());
        status.setObservedGeneration(policy.getMetadata().getGeneration());
        return statuses.patchIfChanged(policy, status);
    }
}

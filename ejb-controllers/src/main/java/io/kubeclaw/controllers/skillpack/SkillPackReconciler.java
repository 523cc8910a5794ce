package io.kubeclaw.controllers.skillpack;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubeclaw.api.policy.SidecarRbacCheck;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.api.v1alpha1.SkillPackStatus;
import io.kubeclaw.api.v1alpha1.common.ReadinessPhase;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.ownership.OwnedObjects;
import io.kubeclaw.controllers.status.ConditionAggregator;
import io.kubeclaw.controllers.status.ConditionTypes;
import io.kubeclaw.controllers.status.Reasons;
import io.kubeclaw.controllers.status.StatusMemo;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles a SkillPack: checks its sidecar's declared RBAC, then publishes its skills as one
 * ConfigMap (recreated if someone deletes it) and reports how many it holds.
 */
@ControllerConfiguration(name = SkillPackReconciler.NAME)
public class SkillPackReconciler implements Reconciler<SkillPack> {

    private final StatusMemo<SkillPackStatus, SkillPack> statuses = new StatusMemo<>(SkillPackStatus.class, SkillPackStatus::new, SkillPack::new);

    public static final String NAME = "skillpack";

    private final Clock clock;

    public SkillPackReconciler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, SkillPack>> prepareEventSources(EventSourceContext<SkillPack> context) {
        var configMaps = InformerEventSourceConfiguration.from(ConfigMap.class, SkillPack.class)
                .withLabelSelector(OwnedMetadata.MANAGED_BY + "=" + OwnedMetadata.MANAGED_BY_KUBECLAW + "," + SkillPackConfigMapBuilder.SKILLPACK_LABEL)
                .build();
        return List.of(new InformerEventSource<>(configMaps, context));
    }

    /**
     * Creates the pack's ConfigMap, or brings the pack's own up to date; a ConfigMap of that name made for anything
     * else is left alone ({@link OwnedObjects.NotOwned}).
     */
    private static void publish(SkillPack pack, ConfigMap published, Context<SkillPack> context) {
        String uid = pack.getMetadata().getUid();
        boolean ours = context.getSecondaryResource(ConfigMap.class).filter(existing -> OwnedObjects.controlledBy(existing, uid)).isPresent();
        if (!ours) {
            OwnedObjects.create(context.getClient(), published, uid);
        }
        // This pack's own ConfigMap, so its fields are ours to take back from whoever changed them.
        context.getClient().resource(published).fieldManager(NAME).forceConflicts().serverSideApply();
    }

    @Override
    public UpdateControl<SkillPack> reconcile(SkillPack pack, Context<SkillPack> context) {
        SkillPackStatus status = statuses.workingCopy(pack);
        ConditionAggregator conditions = new ConditionAggregator(status.getConditions(), pack.getMetadata().getGeneration(), clock);
        Optional<String> rbacProblem = SidecarRbacCheck.problem(pack.getSpec().getSidecar());
        if (rbacProblem.isPresent()) {
            conditions.set(ConditionTypes.READY, false, Reasons.RBAC_NOT_ALLOWED, rbacProblem.get());
            status.setPhase(ReadinessPhase.FAILED);
        } else {
            ConfigMap published = SkillPackConfigMapBuilder.desired(pack);
            try {
                publish(pack, published, context);
                conditions.set(ConditionTypes.READY, true, Reasons.SKILLS_PUBLISHED,
                        pack.getSpec().getSkills().size() + " skills published in ConfigMap " + published.getMetadata().getName());
                status.setPhase(ReadinessPhase.READY);
                status.setConfigMapName(published.getMetadata().getName());
            } catch (OwnedObjects.NotOwned e) {
                conditions.set(ConditionTypes.READY, false, Reasons.OBJECT_NOT_OWNED, e.getMessage());
                status.setPhase(ReadinessPhase.FAILED);
            }
        }
        status.setSkillCount(pack.getSpec().getSkills().size());
        status.setConditions(conditions.conditions());
        status.setObservedGeneration(pack.getMetadata().getGeneration());
        return statuses.patchIfChanged(pack, status);
    }
}

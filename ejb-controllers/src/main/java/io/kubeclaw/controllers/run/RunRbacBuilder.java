package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.ownership.OwnedNames;
import io.kubeclaw.controllers.ownership.OwnedObjects;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identities and permissions of one run: the pod's own ServiceAccount, which is granted nothing, and for each
 * SkillPack sidecar that declares rules a ServiceAccount of its own, a Secret for its token, a Role and RoleBinding
 * (owned by the run, collected by Kubernetes) and a ClusterRole and ClusterRoleBinding (labelled with the run; the
 * controller deletes those). One pack's sidecar never holds another's grants, and the agent holds none.
 */
public final class RunRbacBuilder {

    /** On cluster-scoped objects, which cannot be owned by a namespaced run: whose run they belong to. */
    public static final String RUN_NAMESPACE = "kubeclaw.io/run-namespace";

    private RunRbacBuilder() {
    }

    public static ServiceAccount serviceAccount(AgentRun run) {
        return new ServiceAccountBuilder()
                .withMetadata(OwnedMetadata.controlledBy(run, RunResourceNames.serviceAccount(run.getMetadata().getName()), RunLabels.of(run)))
                .withAutomountServiceAccountToken(false)
                .build();
    }

    public static ServiceAccount skillAccount(AgentRun run, SkillPack pack) {
        return new ServiceAccountBuilder()
                .withMetadata(OwnedMetadata.controlledBy(run, grantName(run, pack), RunLabels.of(run)))
                .withAutomountServiceAccountToken(false)
                .build();
    }

    /** Empty until the controller puts the pack's token in; only that pack's container mounts it. */
    public static Secret skillToken(AgentRun run, SkillPack pack) {
        return new SecretBuilder()
                .withMetadata(OwnedMetadata.controlledBy(run, RunResourceNames.skillToken(run.getMetadata().getName(), pack.getMetadata().getName()),
                        RunLabels.of(run)))
                .withType("Opaque")
                .build();
    }

    public static Role role(AgentRun run, SkillPack pack) {
        return new RoleBuilder()
                .withMetadata(OwnedMetadata.controlledBy(run, grantName(run, pack), RunLabels.of(run)))
                .withRules(pack.getSpec().getSidecar().getRbac())
                .build();
    }

    public static RoleBinding roleBinding(AgentRun run, SkillPack pack) {
        return new RoleBindingBuilder()
                .withMetadata(OwnedMetadata.controlledBy(run, grantName(run, pack), RunLabels.of(run)))
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", grantName(run, pack))
                .withSubjects(skillSubject(run, pack))
                .build();
    }

    public static ClusterRole clusterRole(AgentRun run, SkillPack pack) {
        return new ClusterRoleBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(clusterGrantName(run, pack)).withLabels(clusterLabels(run)).build())
                .withRules(pack.getSpec().getSidecar().getClusterRBAC())
                .build();
    }

    public static ClusterRoleBinding clusterRoleBinding(AgentRun run, SkillPack pack) {
        return new ClusterRoleBindingBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(clusterGrantName(run, pack)).withLabels(clusterLabels(run)).build())
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterGrantName(run, pack))
                .withSubjects(skillSubject(run, pack))
                .build();
    }

    /** The labels of a run's cluster-scoped grants: whose run they are, and its UID, which revoking selects by. */
    public static Map<String, String> clusterLabels(AgentRun run) {
        Map<String, String> labels = new LinkedHashMap<>(RunLabels.of(run));
        labels.put(RUN_NAMESPACE, run.getMetadata().getNamespace());
        labels.put(OwnedObjects.OWNER_UID, run.getMetadata().getUid());
        return labels;
    }

    private static Subject skillSubject(AgentRun run, SkillPack pack) {
        return new SubjectBuilder().withKind("ServiceAccount")
                .withName(grantName(run, pack))
                .withNamespace(run.getMetadata().getNamespace())
                .build();
    }

    /** The pack's ServiceAccount, Role and RoleBinding share this name. */
    static String grantName(AgentRun run, SkillPack pack) {
        return RunResourceNames.skill(run.getMetadata().getName(), pack.getMetadata().getName());
    }

    /**
     * Cluster-scoped names are global, so they are made from the run's UID: namespace and run names joined by '-' could
     * collide ("a-b"/"c" and "a"/"b-c"), letting one tenant's run claim another's ClusterRole.
     */
    private static String clusterGrantName(AgentRun run, SkillPack pack) {
        return OwnedNames.bounded("kubeclaw-" + run.getMetadata().getUid() + "-" + pack.getMetadata().getName(), "-skill");
    }
}

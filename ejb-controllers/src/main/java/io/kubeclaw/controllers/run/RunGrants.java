package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.controllers.ownership.OwnedObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives a run its identity and permissions before its Job starts, and takes them all back when it
 * ends or is deleted. Each object is created, or found already made for this run by an earlier attempt;
 * one of the same name made for anything else stops the run ({@link OwnedObjects.NotOwned}) rather than
 * being taken over. Revoking selects by the run's labels (its UID for cluster-scoped grants), so it also
 * finds what a crashed earlier attempt made.
 */
final class RunGrants {

    private final KubernetesClient client;
    private final SkillTokens tokens;

    RunGrants(KubernetesClient client) {
        this.client = client;
        this.tokens = new SkillTokens(client);
    }

    /**
     * The pod's ServiceAccount; each RBAC-bearing sidecar's own ServiceAccount, Role/RoleBinding, ClusterRole/
     * ClusterRoleBinding and token; and the NetworkPolicy.
     */
    void ensure(RunInputs inputs) {
        AgentRun run = inputs.run();
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(RunRbacBuilder.serviceAccount(run));
        List<SkillPack> withRbac = inputs.skillPacks().stream().filter(RunInputs::declaresRbac).toList();
        for (SkillPack pack : withRbac) {
            var sidecar = pack.getSpec().getSidecar();
            objects.add(RunRbacBuilder.skillAccount(run, pack));
            if (sidecar.getRbac() != null && !sidecar.getRbac().isEmpty()) {
                objects.add(RunRbacBuilder.role(run, pack));
                objects.add(RunRbacBuilder.roleBinding(run, pack));
            }
            if (sidecar.getClusterRBAC() != null && !sidecar.getClusterRBAC().isEmpty()) {
                objects.add(RunRbacBuilder.clusterRole(run, pack));
                objects.add(RunRbacBuilder.clusterRoleBinding(run, pack));
            }
        }
        objects.add(RunNetworkPolicyBuilder.desired(run, inputs.networkIsolation(), inputs.settings().eventBus()));
        objects.forEach(object -> OwnedObjects.create(client, object, run.getMetadata().getUid()));
        withRbac.forEach(pack -> tokens.ensure(run, pack, AgentRunJobBuilder.timeout(inputs)));
    }

    /**
     * A pack's token is bound to its Secret, so deleting the Secret is what revokes the token. Only Secrets the run
     * controls: the run label alone could be on anybody's Secret.
     */
    private int revokeTokens(AgentRun run) {
        var secrets = client.secrets().inNamespace(run.getMetadata().getNamespace()).withLabel(RunLabels.RUN, run.getMetadata().getName()).list().getItems()
                .stream().filter(secret -> OwnedObjects.controlledBy(secret, run.getMetadata().getUid())).toList();
        return secrets.isEmpty() ? 0 : client.resourceList(secrets).delete().size();
    }

    /** Deletes everything {@link #ensure} made for the run; returns how many objects were deleted. */
    int revoke(AgentRun run) {
        String namespace = run.getMetadata().getNamespace();
        Map<String, String> runLabel = Map.of(RunLabels.RUN, run.getMetadata().getName());
        Map<String, String> clusterLabels = Map.of(OwnedObjects.OWNER_UID, run.getMetadata().getUid());
        return client.rbac().clusterRoleBindings().withLabels(clusterLabels).delete().size()
                + client.rbac().clusterRoles().withLabels(clusterLabels).delete().size()
                + client.rbac().roleBindings().inNamespace(namespace).withLabels(runLabel).delete().size()
                + client.rbac().roles().inNamespace(namespace).withLabels(runLabel).delete().size()
                + client.serviceAccounts().inNamespace(namespace).withLabels(runLabel).delete().size()
                + revokeTokens(run)
                + client.network().v1().networkPolicies().inNamespace(namespace).withLabels(runLabel).delete().size();
    }
}

package io.kubeclaw.controllers.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.fixtures.SkillPackFixture;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import org.assertj.core.groups.Tuple;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real apiserver accepts every object the run builders make: the Job, the run identity and grants, the NetworkPolicy. */
class RunObjectBuildersIT {

    private final KubeControlPlane kube = KubeControlPlane.api();

    @Test
    void theApiserverAcceptsTheFullJob() {
        String ns = kube.newNamespace("jobbuilder");
        AgentRun run = kube.client().resource(AgentRunFixture.run("diagnose").inNamespace(ns).withTimeout("10m").build()).create();
        var ops = SkillPackFixture.skillPack("k8s-ops").inNamespace(ns).withSidecar("kubeclaw/skill-k8s-ops:1")
                .withSidecarRbac(new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get").build()).build();
        var policy = ClawPolicyFixture.policy("strict").inNamespace(ns).requireSandbox("kubeclaw/sandbox:1").withSandboxLimits("1", "1Gi").build();
        RunInputs inputs = new RunInputs(run, ClawInstanceFixture.instance("assistant").inNamespace(ns).withAuthSecret("llm", "key").build(),
                List.of(ops), List.of(policy), true, new RunSettings("kubeclaw/runner:1", "kubeclaw/ipc-bridge:1", "kubeclaw/sandbox:1", "nats://nats:4222", 300, RunSettings.DEFAULT_EVENT_BUS));

        Job stored = kube.client().batch().v1().jobs().inNamespace(ns).resource(AgentRunJobBuilder.desired(inputs)).create();

        assertThat(stored.getSpec().getTemplate().getSpec().getInitContainers())
                .extracting(Container::getName, Container::getRestartPolicy)
                .containsExactly(Tuple.tuple("ipc-bridge", "Always"),
                        Tuple.tuple("sandbox", "Always"),
                        Tuple.tuple("skill-k8s-ops", "Always"));
        assertThat(stored.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(run.getMetadata().getUid()));
        assertThat(stored.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
    }

    @Test
    void theApiserverAcceptsTheRunIdentityGrantsAndIsolation() {
        String ns = kube.newNamespace("runrbac");
        AgentRun run = kube.client().resource(AgentRunFixture.run("diagnose").inNamespace(ns).build()).create();
        var ops = SkillPackFixture.skillPack("k8s-ops").inNamespace(ns).withSidecar("img:1")
                .withSidecarRbac(new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments").withVerbs("get").build())
                .withSidecarClusterRbac(new PolicyRuleBuilder().withApiGroups("").withResources("nodes").withVerbs("list").build()).build();
        var client = kube.client();

        client.resource(RunRbacBuilder.serviceAccount(run)).create();
        client.resource(RunRbacBuilder.skillAccount(run, ops)).create();
        client.resource(RunRbacBuilder.skillToken(run, ops)).create();
        client.resource(RunRbacBuilder.role(run, ops)).create();
        client.resource(RunRbacBuilder.roleBinding(run, ops)).create();
        client.resource(RunRbacBuilder.clusterRole(run, ops)).create();
        client.resource(RunRbacBuilder.clusterRoleBinding(run, ops)).create();
        client.resource(RunNetworkPolicyBuilder.desired(run, Optional.empty(),
                new RunNetworkPolicyBuilder.EventBus("kubeclaw-system", java.util.Map.of("app", "nats"), 4222))).create();

        // The pack's own account may now do exactly what the skill declared, as the apiserver's authorizer sees it;
        // the pod's account, which the agent runs as, may do none of it.
        String account = "system:serviceaccount:" + ns + ":diagnose-k8s-ops-skill";
        assertThat(kube.kubectl().run("auth", "can-i", "get", "deployments.apps", "-n", ns, "--as", "system:serviceaccount:" + ns + ":diagnose-agent")
                .stdout().strip()).isEqualTo("no");
        assertThat(kube.kubectl().run("auth", "can-i", "get", "deployments.apps", "-n", ns, "--as", account).stdout().strip()).isEqualTo("yes");
        assertThat(kube.kubectl().run("auth", "can-i", "delete", "deployments.apps", "-n", ns, "--as", account).stdout().strip()).isEqualTo("no");
        assertThat(kube.kubectl().run("auth", "can-i", "list", "nodes", "--as", account).stdout().strip()).isEqualTo("yes");
        assertThat(kube.kubectl().run("auth", "can-i", "get", "secrets", "-n", ns, "--as", account).stdout().strip()).isEqualTo("no");
        client.resource(RunRbacBuilder.clusterRoleBinding(run, ops)).delete();
        client.resource(RunRbacBuilder.clusterRole(run, ops)).delete();
    }
}

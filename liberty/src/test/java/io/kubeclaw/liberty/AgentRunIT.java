package io.kubeclaw.liberty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.api.bus.BusConnections;
import io.kubeclaw.api.bus.EventStreams;
import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.events.RunResult;
import io.kubeclaw.api.events.RunResultMarker;
import io.kubeclaw.api.events.ScheduleRequest;
import io.kubeclaw.api.v1alpha1.run.TokenUsage;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.fixtures.SkillPackFixture;
import io.kubeclaw.testsupport.kube.FakeKubelet;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import io.kubeclaw.testsupport.kube.Kubectl;
import io.nats.client.Connection;
import io.nats.client.PublishOptions;
import io.nats.client.api.ConsumerInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AgentRuns in a real Liberty against the cluster flavour: the Job, the run's own identity and
 * grants, the pod's life (kwok as the kubelet), the result, the memory, and what is left afterwards.
 */
class AgentRunIT {

    static final String RUN_LABEL = "kubeclaw.io/run";
    static final String AGENT_OBJECTS = "app.kubernetes.io/managed-by=kubeclaw,app.kubernetes.io/component=agent-run";
    private static final PolicyRule READ_DEPLOYMENTS = new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments")
            .withVerbs("get", "list").build();
    private static final PolicyRule LIST_NODES = new PolicyRuleBuilder().withApiGroups("").withResources("nodes").withVerbs("list").build();

    private static KubeControlPlane kube;
    private static FakeKubelet kubelet;

    @BeforeAll
    static void startServer() {
        kube = KubeControlPlane.cluster();
        kubelet = new FakeKubelet(kube.client(), Path.of("target", "fake-kubelet").toAbsolutePath());
        ControlPlaneServers.shared();
    }

    @Test
    void aRunGetsOneJobAndItsOwnGrantsThenSucceedsWithItsResultAndMemoryAndLeavesNoGrantBehind() {
        String ns = readyNamespace("run");
        kubectl().apply(ClawPolicyFixture.policy("ops").withRbacCeilingRule(READ_DEPLOYMENTS).withClusterRbacCeilingRule(LIST_NODES).toYaml(), ns)
                .orThrow("policy");
        kubectl().apply(SkillPackFixture.skillPack("k8s").withSidecar("kubeclaw/skill-k8s:1")
                .withSidecarRbac(READ_DEPLOYMENTS).withSidecarClusterRbac(LIST_NODES).toYaml(), ns).orThrow("skillpack");
        kubectl().apply(ClawInstanceFixture.instance("sre").withPolicy("ops").withSkill("k8s").toYaml(), ns).orThrow("instance");
        await().atMost(Duration.ofMinutes(1)).until(() -> jsonpath(ns, "configmap", "sre-memory", "{.metadata.name}").equals("sre-memory"));
        kubectl().apply(AgentRunFixture.run("diagnose").forInstance("sre").toYaml(), ns).orThrow("run");

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(jsonpath(ns, "agentrun", "diagnose", "{.status.phase} {.status.jobName} {.status.podName}")).startsWith("Running diagnose-run diagnose-run-"));
        assertThat(jsonpath(ns, "job", "diagnose-run", "{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}"))
                .isEqualTo("AgentRun/diagnose");
        assertThat(names(ns, "serviceaccounts,roles,rolebindings,networkpolicies,secrets")).containsExactlyInAnyOrder(
                "serviceaccount/diagnose-agent", "serviceaccount/diagnose-k8s-skill", "role.rbac.authorization.k8s.io/diagnose-k8s-skill",
                "rolebinding.rbac.authorization.k8s.io/diagnose-k8s-skill", "networkpolicy.networking.k8s.io/diagnose-isolation",
                "secret/diagnose-k8s-token");
        assertThat(clusterGrants(ns, "diagnose")).hasSize(2);
        assertThat(kubectl().run("auth", "can-i", "list", "deployments", "-n", ns, "--as=system:serviceaccount:" + ns + ":diagnose-agent")
                .stdout().strip()).as("the pod's own account, which the agent runs as").isEqualTo("no");
        // The pack's token, as its sidecar mounts it, is a real credential for exactly the pack's grants.
        String token = new String(Base64.getDecoder().decode(await().atMost(Duration.ofMinutes(1)).until(
                () -> jsonpath(ns, "secret", "diagnose-k8s-token", "{.data.token}"), data -> !data.isEmpty())), StandardCharsets.UTF_8);
        assertThat(kubectl().run("--token", token, "auth", "can-i", "list", "deployments", "-n", ns).stdout().strip()).isEqualTo("yes");
        assertThat(kubectl().run("--token", token, "auth", "can-i", "list", "nodes").stdout().strip()).isEqualTo("yes");
        assertThat(kubectl().run("--token", token, "auth", "can-i", "delete", "deployments", "-n", ns).stdout().strip()).isEqualTo("no");

        Pod pod = podOf(ns, "diagnose");
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSpec().getContainers()).singleElement().satisfies(agent -> assertThat(agent.getVolumeMounts())
                .noneMatch(mount -> mount.getMountPath().startsWith("/var/run/secrets")));

        String marker = RunResultMarker.format(new RunResult(RunResult.VERSION, true, "3 pods are crash-looping in payments", null,
                new TokenUsage(1200L, 340L), 4, "payments pods crash when the config map is missing"));
        kubelet.exit(ns, pod.getMetadata().getName(), "agent", "thinking...\n" + marker + "\n", 0);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(jsonpath(ns, "agentrun", "diagnose",
                "{.status.phase}|{.status.result}|{.status.tokenUsage.input}/{.status.tokenUsage.output}|{.status.toolCalls}"))
                .isEqualTo("Succeeded|3 pods are crash-looping in payments|1200/340|4"));
        assertThat(jsonpath(ns, "configmap", "sre-memory", "{.data.MEMORY\\.md}"))
                .contains("— run diagnose").contains("payments pods crash when the config map is missing");
        assertThat(names(ns, "serviceaccounts,roles,rolebindings,networkpolicies,secrets")).isEmpty();
        assertThat(clusterGrants(ns, "diagnose")).isEmpty();
        // The apiserver sees the Secret and the ServiceAccount gone through its informers, within moments.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kubectl().run("--token", token, "auth", "can-i", "list", "deployments",
                "-n", ns).stderr()).as("its Secret gone, the pack's token is refused").contains("Unauthorized"));
        assertThat(reasons(ns, "diagnose")).contains("JobCreated", "Succeeded", "MemoryUpdated", "RbacRevoked");
        assertThat(kube.client().batch().v1().jobs().inNamespace(ns).list().getItems()).hasSize(1);
    }

    @Test
    void anAgentThatExitsWithoutAResultOrWithAnErrorFails() {
        String ns = readyNamespace("outcome");
        kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), ns).orThrow("instance");
        kubectl().apply(AgentRunFixture.run("silent").forInstance("sre").toYaml(), ns).orThrow("run");
        kubectl().apply(AgentRunFixture.run("crash").forInstance("sre").toYaml(), ns).orThrow("run");
        awaitPhase(ns, "silent", "Running");
        awaitPhase(ns, "crash", "Running");

        kubelet.exit(ns, podOf(ns, "silent").getMetadata().getName(), "agent", "done, I think\n", 0);
        kubelet.exit(ns, podOf(ns, "crash").getMetadata().getName(), "agent", "panic\n", 2);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(completed(ns, "silent")).startsWith("Failed False ResultMissing the agent exited without reporting a result");
            assertThat(completed(ns, "crash")).startsWith("Failed False AgentCrashed the agent container exited with code 2");
        });
    }

    @Test
    void unresolvableRunsFailAtOnceWithoutAJob() {
        String ns = readyNamespace("refused");
        // The webhook would refuse the greedy SkillPacks at the door; this is the controller's own check behind it.
        ControlPlaneServers.withoutAdmission(ns);
        kubectl().apply(ClawPolicyFixture.policy("restrictive").withRbacCeilingRule(READ_DEPLOYMENTS).toYaml(), ns).orThrow("policy");
        kubectl().apply(SkillPackFixture.skillPack("greedy").withSidecar("img:1")
                .withSidecarRbac(new PolicyRuleBuilder().withApiGroups("").withResources("secrets").withVerbs("*").build()).toYaml(), ns).orThrow("pack");
        kubectl().apply(SkillPackFixture.skillPack("deleter").withSidecar("img:1")
                .withSidecarRbac(new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments").withVerbs("delete").build()).toYaml(), ns)
                .orThrow("pack");
        kubectl().apply(ClawInstanceFixture.instance("sre").withPolicy("restrictive").toYaml(), ns).orThrow("instance");
        kubectl().apply(AgentRunFixture.run("orphan").forInstance("nobody").toYaml(), ns).orThrow("run");
        kubectl().apply(AgentRunFixture.run("unknown-skill").forInstance("sre").withSkill("missing").toYaml(), ns).orThrow("run");
        kubectl().apply(AgentRunFixture.run("secrets").forInstance("sre").withSkill("greedy").toYaml(), ns).orThrow("run");
        kubectl().apply(AgentRunFixture.run("too-much").forInstance("sre").withSkill("deleter").toYaml(), ns).orThrow("run");

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(completed(ns, "orphan")).isEqualTo("Failed False InstanceNotFound ClawInstance \"nobody\" not found in namespace \""
                    + ns + "\": create it first, then create the run again (spec.instanceRef cannot change)");
            assertThat(completed(ns, "unknown-skill")).startsWith("Failed False SkillPackNotFound SkillPack \"missing\" not found");
            assertThat(completed(ns, "secrets")).startsWith("Failed False PolicyDenied SkillPack \"greedy\": spec.sidecar.rbac rule "
                    + "{apiGroups: [\"\"], resources: [\"secrets\"], verbs: [\"*\"]} uses a wildcard that reaches Secrets");
            assertThat(completed(ns, "too-much")).startsWith("Failed False PolicyDenied SkillPack \"deleter\": ")
                    .contains("exceeds ClawPolicy rbacCeiling.rules").contains("(ClawPolicy \"restrictive\")");
        });
        assertThat(kube.client().batch().v1().jobs().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(names(ns, "serviceaccounts,roles")).isEmpty();
    }

    @Test
    void aRunThatOutlivesItsTimeoutOrCannotPullItsImageFails() {
        String ns = readyNamespace("stuck");
        kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), ns).orThrow("instance");
        kubectl().apply(AgentRunFixture.run("slow").forInstance("sre").withTimeout("3s").toYaml(), ns).orThrow("run");
        kubectl().apply(AgentRunFixture.run("unpullable").forInstance("sre").withSandbox(FakeKubelet.UNPULLABLE_IMAGE).toYaml(), ns).orThrow("run");

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(completed(ns, "slow")).isEqualTo("Failed False Timeout the run did not finish within its timeout of 3s "
                    + "(spec.timeout, else the instance's agents.runTimeout) and was stopped");
            assertThat(completed(ns, "unpullable")).isEqualTo("Failed False ImagePullFailed container sandbox cannot start: ImagePullBackOff "
                    + "(Back-off pulling image \"" + FakeKubelet.UNPULLABLE_IMAGE + "\"): check the image name and the registry's pull secret");
        });
        // The stuck pod is stopped rather than left waiting out its timeout.
        await().atMost(Duration.ofMinutes(1)).until(() -> kube.client().batch().v1().jobs().inNamespace(ns).withName("unpullable-run").get() == null);
    }

    @Test
    void atMostMaxConcurrentRunsRunAndTheRestStartInCreationOrder() {
        String ns = readyNamespace("queue");
        kubectl().apply(ClawInstanceFixture.instance("sre").withMaxConcurrentRuns(1).toYaml(), ns).orThrow("instance");
        for (String run : List.of("first", "second", "third")) {
            kubectl().apply(AgentRunFixture.run(run).forInstance("sre").toYaml(), ns).orThrow("run");
            // Distinct creation timestamps (they have a one-second resolution) make the order unambiguous.
            awaitCreated(ns, run);
        }
        awaitPhase(ns, "first", "Running");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(readyReason(ns, "second")).isEqualTo("Pending WaitingForSlot");
            assertThat(readyReason(ns, "third")).isEqualTo("Pending WaitingForSlot");
        });
        assertThat(jsonpath(ns, "agentrun", "third", "{.status.conditions[?(@.type==\"Ready\")].message}"))
                .isEqualTo("instance sre already runs 1 of its 1 allowed runs (spec.agents.maxConcurrentRuns); this run is number 2 in line "
                        + "and starts when a slot frees up");
        assertThat(jsonpath(ns, "clawinstance", "sre", "{.status.activeAgentPods}")).isEqualTo("1");

        kubelet.exit(ns, podOf(ns, "first").getMetadata().getName(), "agent", "no result\n", 0);
        awaitPhase(ns, "second", "Running");
        assertThat(readyReason(ns, "third")).isEqualTo("Pending WaitingForSlot");
        kubelet.exit(ns, podOf(ns, "second").getMetadata().getName(), "agent", "no result\n", 0);
        awaitPhase(ns, "third", "Running");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(jsonpath(ns, "clawinstance", "sre", "{.status.activeAgentPods} {.status.totalAgentRuns}")).isEqualTo("1 3"));
    }

    @Test
    void deletingARunMidRunRemovesItsJobPodIdentityGrantsAndIsolation() {
        String ns = readyNamespace("deleted");
        kubectl().apply(ClawPolicyFixture.policy("ops").withRbacCeilingRule(READ_DEPLOYMENTS).withClusterRbacCeilingRule(LIST_NODES).toYaml(), ns)
                .orThrow("policy");
        kubectl().apply(SkillPackFixture.skillPack("k8s").withSidecar("kubeclaw/skill-k8s:1")
                .withSidecarRbac(READ_DEPLOYMENTS).withSidecarClusterRbac(LIST_NODES).toYaml(), ns).orThrow("skillpack");
        kubectl().apply(ClawInstanceFixture.instance("sre").withPolicy("ops").withSkill("k8s").toYaml(), ns).orThrow("instance");
        kubectl().apply(AgentRunFixture.run("doomed").forInstance("sre").toYaml(), ns).orThrow("run");
        awaitPhase(ns, "doomed", "Running");
        assertThat(clusterGrants(ns, "doomed")).hasSize(2);

        kubectl().run("delete", "agentrun", "doomed", "-n", ns, "--wait=true", "--timeout=60s").orThrow("delete");

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(names(ns, "jobs,pods,serviceaccounts,roles,rolebindings,networkpolicies,secrets", RUN_LABEL + "=doomed")).isEmpty();
            assertThat(clusterGrants(ns, "doomed")).isEmpty();
        });
    }

    @Test
    void fiftyRunsFinishedOrDeletedMidRunLeaveNoIdentityGrantOrIsolationBehind() {
        String ns = readyNamespace("fifty");
        kubectl().apply(ClawPolicyFixture.policy("ops").withRbacCeilingRule(READ_DEPLOYMENTS).withClusterRbacCeilingRule(LIST_NODES).toYaml(), ns)
                .orThrow("policy");
        kubectl().apply(SkillPackFixture.skillPack("k8s").withSidecar("kubeclaw/skill-k8s:1")
                .withSidecarRbac(READ_DEPLOYMENTS).withSidecarClusterRbac(LIST_NODES).toYaml(), ns).orThrow("skillpack");
        kubectl().apply(ClawInstanceFixture.instance("sre").withPolicy("ops").withSkill("k8s").toYaml(), ns).orThrow("instance");
        List<String> runs = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "run-" + i).toList();
        kubectl().runWithInput(runs.stream().map(run -> AgentRunFixture.run(run).forInstance("sre").toYaml())
                .collect(java.util.stream.Collectors.joining("---\n")), "apply", "-n", ns, "-f", "-").orThrow("runs");
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(kubectl().run("get", "agentrun", "-n", ns,
                "-o", "jsonpath={.items[*].status.phase}").stdout().split(" ")).hasSize(50).containsOnly("Running"));
        assertThat(names(ns, "serviceaccounts")).as("each run's pod account and its pack's").hasSize(100);
        assertThat(names(ns, "secrets")).as("each run's pack token").hasSize(50);
        assertThat(kubectl().run("get", "clusterroles", "-l", "kubeclaw.io/run-namespace=" + ns, "-o", "name").stdout().lines()).hasSize(50);

        String marker = RunResultMarker.format(new RunResult(RunResult.VERSION, true, "ok", null, new TokenUsage(1L, 1L), 0, null));
        for (int i = 0; i < 50; i++) {
            String run = runs.get(i);
            switch (i % 3) {
                case 0 -> kubectl().run("delete", "agentrun", run, "-n", ns, "--wait=false").orThrow("delete");
                case 1 -> kubelet.exit(ns, podOf(ns, run).getMetadata().getName(), "agent", marker + "\n", 0);
                default -> kubelet.exit(ns, podOf(ns, run).getMetadata().getName(), "agent", "crashed\n", 1);
            }
        }

        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            assertThat(names(ns, "serviceaccounts,roles,rolebindings,networkpolicies,secrets")).isEmpty();
            assertThat(kubectl().run("get", "clusterroles,clusterrolebindings", "-l", "kubeclaw.io/run-namespace=" + ns, "-o", "name")
                    .orThrow("list").stdout()).isEmpty();
        });
        assertThat(kubectl().run("get", "agentrun", "-n", ns, "-o", "jsonpath={.items[*].status.phase}").stdout().split(" "))
                .hasSize(33).containsOnly("Succeeded", "Failed");
    }

    @Test
    void theResultEventDecidesTheRunAndTheLogMarkerIsOnlyTheFallback() throws Exception {
        String ns = readyNamespace("bus");
        kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), ns).orThrow("instance");
        kubectl().apply(AgentRunFixture.run("evented").forInstance("sre").toYaml(), ns).orThrow("run");
        kubectl().apply(AgentRunFixture.run("late").forInstance("sre").toYaml(), ns).orThrow("run");
        awaitPhase(ns, "evented", "Running");
        awaitPhase(ns, "late", "Running");
        try (Connection nats = BusConnections.connect(ControlPlaneServers.bus().url(), "agent-run-it")) {
            awaitStreams(nats);
            publishResult(nats, ns, "evented", new RunResult(RunResult.VERSION, true, "from the bus", null, new TokenUsage(10L, 5L), 2, null));
            // Delivered to the control plane's durable consumer and held there, unacknowledged until the run takes it.
            await().atMost(Duration.ofSeconds(30)).until(() -> resultsConsumer(nats).getNumAckPending() >= 1
                    && resultsConsumer(nats).getNumPending() == 0);
            String logMarker = RunResultMarker.format(new RunResult(RunResult.VERSION, true, "from the log", null, new TokenUsage(1L, 1L), 0, null));
            kubelet.exit(ns, podOf(ns, "evented").getMetadata().getName(), "agent", logMarker + "\n", 0);
            // No marker in this log: the event that comes after the pod has ended still decides, within the grace period.
            kubelet.exit(ns, podOf(ns, "late").getMetadata().getName(), "agent", "bye\n", 0);
            publishResult(nats, ns, "late", new RunResult(RunResult.VERSION, true, "late but there", null, new TokenUsage(3L, 4L), 1, null));

            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                assertThat(jsonpath(ns, "agentrun", "evented", "{.status.phase}|{.status.result}|{.status.tokenUsage.input}/{.status.tokenUsage.output}|{.status.toolCalls}"))
                        .isEqualTo("Succeeded|from the bus|10/5|2");
                assertThat(jsonpath(ns, "agentrun", "late", "{.status.phase}|{.status.result}|{.status.toolCalls}"))
                        .isEqualTo("Succeeded|late but there|1");
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> resultsConsumer(nats).getNumAckPending() == 0);
        }
    }

    @Test
    void aScheduleTaskRequestBecomesAClawScheduleOfTheRunsInstanceAndAnInvalidOneIsDropped() throws Exception {
        String ns = readyNamespace("ask");
        kubectl().apply(ClawInstanceFixture.instance("sre").toYaml(), ns).orThrow("instance");
        try (Connection nats = BusConnections.connect(ControlPlaneServers.bus().url(), "agent-run-it")) {
            awaitStreams(nats);
            String subject = EventSubjects.scheduleRequest(ns, "sre");
            nats.jetStream().publish(subject, EventJson.write(new ScheduleRequest(ScheduleRequest.VERSION, "nightly-check", "0 3 * * *",
                    "check the payments pods", "diagnose")).getBytes(StandardCharsets.UTF_8));
            nats.jetStream().publish(subject, EventJson.write(new ScheduleRequest(ScheduleRequest.VERSION, "broken", "every night",
                    "anything", "diagnose")).getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(jsonpath(ns, "clawschedule", "nightly-check",
                    "{.spec.instanceRef}|{.spec.schedule}|{.spec.task}|{.metadata.annotations.kubeclaw\\.io/requested-by-run}"))
                    .isEqualTo("sre|0 3 * * *|check the payments pods|diagnose"));
            // The apiserver refused the invalid one; it is dropped, not redelivered for ever.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ConsumerInfo info = nats.jetStreamManagement().getConsumerInfo(EventStreams.REQUESTS, EventStreams.CONTROLLER_SCHEDULE_REQUESTS);
                return info.getNumPending() == 0 && info.getNumAckPending() == 0;
            });
            assertThat(kubectl().run("get", "clawschedules", "-n", ns, "-o", "name").stdout().strip()).isEqualTo("clawschedule.kubeclaw.io/nightly-check");
        }
    }

    /** The leading control plane creates the streams once it reaches the bus. */
    static void awaitStreams(Connection nats) {
        await().atMost(Duration.ofMinutes(1)).until(() -> nats.jetStreamManagement().getStreamNames()
                .containsAll(java.util.List.of(EventStreams.RUNS, EventStreams.REQUESTS)));
    }

    private static void publishResult(Connection nats, String ns, String run, RunResult result) throws Exception {
        String uid = jsonpath(ns, "agentrun", run, "{.metadata.uid}");
        nats.jetStream().publish(EventSubjects.run(ns, "sre", run, EventSubjects.RunTopic.RESULT), result.toJson().getBytes(StandardCharsets.UTF_8),
                PublishOptions.builder().messageId(uid + "/00000009.result.json").build());
    }

    private static ConsumerInfo resultsConsumer(Connection nats) throws Exception {
        return nats.jetStreamManagement().getConsumerInfo(EventStreams.RUNS, EventStreams.CONTROLLER_RESULTS);
    }

    /** A namespace whose default ServiceAccount exists, so pods can be admitted in it. */
    /** A new namespace with its default ServiceAccount, bound by the admin to the permissive test policy. */
    static String readyNamespace(String prefix) {
        String ns = kube.newNamespace(prefix);
        ControlPlaneServers.bindPermissivePolicy(ns);
        await().atMost(Duration.ofSeconds(30)).until(() -> kube.client().serviceAccounts().inNamespace(ns).withName("default").get() != null);
        return ns;
    }

    static Pod podOf(String ns, String run) {
        return await().atMost(Duration.ofMinutes(1)).until(() -> kube.client().pods().inNamespace(ns).withLabel(RUN_LABEL, run).list().getItems(),
                pods -> pods.size() == 1).getFirst();
    }

    static void awaitPhase(String ns, String run, String phase) {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(jsonpath(ns, "agentrun", run, "{.status.phase}"))
                .as(() -> "run " + run + ": " + completed(ns, run)).isEqualTo(phase));
    }

    private static void awaitCreated(String ns, String run) {
        String created = jsonpath(ns, "agentrun", run, "{.metadata.creationTimestamp}");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> !java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().equals(created));
    }

    static String completed(String ns, String run) {
        return jsonpath(ns, "agentrun", run, "{.status.phase} {.status.conditions[?(@.type==\"Completed\")].status} "
                + "{.status.conditions[?(@.type==\"Completed\")].reason} {.status.conditions[?(@.type==\"Completed\")].message}");
    }

    private static String readyReason(String ns, String run) {
        return jsonpath(ns, "agentrun", run, "{.status.phase} {.status.conditions[?(@.type==\"Ready\")].reason}");
    }

    static String jsonpath(String ns, String kind, String name, String expression) {
        return kubectl().run("get", kind, name, "-n", ns, "-o", "jsonpath=" + expression).stdout();
    }

    static List<String> names(String ns, String kinds) {
        return names(ns, kinds, AGENT_OBJECTS);
    }

    static List<String> names(String ns, String kinds, String selector) {
        return kubectl().run("get", kinds, "-n", ns, "-l", selector, "-o", "name").orThrow("list").stdout().lines().toList();
    }

    static List<String> clusterGrants(String ns, String run) {
        return kubectl().run("get", "clusterroles,clusterrolebindings", "-l", RUN_LABEL + "=" + run + ",kubeclaw.io/run-namespace=" + ns,
                "-o", "name").orThrow("list").stdout().lines().toList();
    }

    private static List<String> reasons(String ns, String run) {
        return List.of(kubectl().run("get", "events", "-n", ns, "--field-selector", "involvedObject.name=" + run,
                "-o", "jsonpath={.items[*].reason}").stdout().split(" "));
    }

    static Kubectl kubectl() {
        return kube.kubectl();
    }
}

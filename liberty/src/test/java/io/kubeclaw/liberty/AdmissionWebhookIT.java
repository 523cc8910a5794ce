package io.kubeclaw.liberty;

import static io.kubeclaw.liberty.AgentRunIT.kubectl;
import static io.kubeclaw.liberty.AgentRunIT.readyNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.api.v1alpha1.policy.ToolAction;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.fixtures.ClawScheduleFixture;
import io.kubeclaw.testsupport.fixtures.SkillPackFixture;
import io.kubeclaw.testsupport.process.CommandResult;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admission webhook in the shared Liberty server, called by the real apiserver over TLS on loopback: every
 * ClawPolicy rule allowed and denied through kubectl, with the message the user sees.
 */
class AdmissionWebhookIT {

    private static final PolicyRule GET_PODS = new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get").build();
    private static final PolicyRule DELETE_DEPLOYMENTS = new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments")
            .withVerbs("delete").build();

    private static String ns;

    @BeforeAll
    static void strictNamespace() {
        AgentRunIT.startServer();
        ns = readyNamespace("admit");
        kubectl().apply(ClawPolicyFixture.policy("strict").requireSandbox("sandbox:1").withSandboxLimits("1", "512Mi")
                .withToolRule("fetch_url", ToolAction.DENY).withFeatureGate("code-execution", false).withRbacCeilingRule(GET_PODS).toYaml(), ns)
                .orThrow("policy");
        kubectl().apply(ClawInstanceFixture.instance("guarded").withPolicy("strict").toYaml(), ns).orThrow("instance");
        // The server registers the webhook once Liberty serves its certificate, shortly after it starts.
        awaitPolicyEnforced(Duration.ofMinutes(2));
    }

    /** Until a write the policy forbids is denied by the webhook: a server-side dry run goes through admission, creating nothing. */
    private static void awaitPolicyEnforced(Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofSeconds(1)).until(() -> kubectl().runWithInput(
                AgentRunFixture.run("probe").forInstance("guarded").withoutSandbox().toYaml(), "apply", "-n", ns, "--dry-run=server", "-f", "-")
                .stderr().contains("admission webhook \"policy.kubeclaw.io\" denied the request"));
    }

    @Test
    void aCertificateSecretThatIsGoneIsIssuedAgainAndTheCaBundleFollows() {
        String before = caBundle();
        assertThat(before).isNotBlank();

        kubectl().run("delete", "secret", "kubeclaw-webhook-tls", "-n", "kubeclaw-system").orThrow("delete the webhook's Secret");

        await().atMost(Duration.ofMinutes(1)).until(() -> !caBundle().equals(before) && !caBundle().isBlank());
        assertThat(kubectl().run("get", "secret", "kubeclaw-webhook-tls", "-n", "kubeclaw-system", "-o", "jsonpath={.type}").stdout())
                .isEqualTo("kubernetes.io/tls");
        awaitPolicyEnforced(Duration.ofMinutes(1));
    }

    private static String caBundle() {
        return kubectl().run("get", "validatingwebhookconfiguration", "kubeclaw-policy", "-o", "jsonpath={.webhooks[0].clientConfig.caBundle}").stdout();
    }

    @Test
    void aPolicyThatRequiresASandboxDeniesARunWithoutOneAndDefaultsARunThatDoesNotSay() {
        assertThat(apply(AgentRunFixture.run("bare").forInstance("guarded").withoutSandbox().toYaml()).stderr())
                .contains("admission webhook \"policy.kubeclaw.io\" denied the request: AgentRun \"bare\" denied: ClawPolicy \"strict\" requires a "
                        + "sandbox (sandboxPolicy.required: true), and this AgentRun turns it off: set spec.sandbox.enabled: true");

        apply(AgentRunFixture.run("unsaid").forInstance("guarded").toYaml()).orThrow("a run that does not mention a sandbox");
        assertThat(kubectl().run("get", "agentrun", "unsaid", "-n", ns, "-o", "jsonpath={.spec.sandbox.enabled}").stdout()).isEqualTo("true");
    }

    @Test
    void aSandboxAboveThePolicysCpuOrMemoryIsDenied() {
        assertThat(apply(AgentRunFixture.run("big").forInstance("guarded").withSandboxLimits("2", "256Mi").toYaml()).stderr())
                .contains("AgentRun \"big\" denied: spec.sandbox.resources.limits.cpu 2 is above ClawPolicy \"strict\" sandboxPolicy.maxCPU 1: "
                        + "ask for at most 1");
        assertThat(apply(AgentRunFixture.run("hungry").forInstance("guarded").withSandboxLimits("500m", "1Gi").toYaml()).stderr())
                .contains("spec.sandbox.resources.limits.memory 1Gi is above ClawPolicy \"strict\" sandboxPolicy.maxMemory 512Mi");

        apply(AgentRunFixture.run("modest").forInstance("guarded").withSandboxLimits("500m", "256Mi").toYaml()).orThrow("a run within the maxima");
    }

    @Test
    void toolsThePolicyDeniesOrSwitchesOffCannotBeAllowedByARun() {
        assertThat(apply(AgentRunFixture.run("fetcher").forInstance("guarded").allow("fetch_url").toYaml()).stderr())
                .contains("spec.toolPolicy.allow lists \"fetch_url\", which ClawPolicy \"strict\" denies (toolGating rule for \"fetch_url\": deny)");
        assertThat(apply(AgentRunFixture.run("shell").forInstance("guarded").allow("execute_command").toYaml()).stderr())
                .contains("spec.toolPolicy.allow lists \"execute_command\", which ClawPolicy \"strict\" switches off (featureGates.code-execution: "
                        + "false): remove it from the list, or ask for the gate to be enabled");

        apply(AgentRunFixture.run("reader").forInstance("guarded").allow("read_file").toYaml()).orThrow("a run allowing a permitted tool");
    }

    @Test
    void aSkillPackBeyondTheRbacCeilingCannotBeBoundNorGrownOnceBound() {
        kubectl().apply(SkillPackFixture.skillPack("deleter").withSidecar("img:1").withSidecarRbac(DELETE_DEPLOYMENTS).toYaml(), ns).orThrow("pack");
        kubectl().apply(SkillPackFixture.skillPack("looker").withSidecar("img:1").withSidecarRbac(GET_PODS).toYaml(), ns).orThrow("pack");

        assertThat(apply(ClawInstanceFixture.instance("ops").withPolicy("strict").withSkill("deleter").toYaml()).stderr())
                .contains("ClawInstance \"ops\" denied: SkillPack \"deleter\": spec.sidecar.rbac rule {apiGroups: [\"apps\"], resources: "
                        + "[\"deployments\"], verbs: [\"delete\"]} exceeds ClawPolicy rbacCeiling.rules")
                .contains("(ClawPolicy \"strict\")");
        apply(ClawInstanceFixture.instance("viewer").withPolicy("strict").withSkill("looker").toYaml()).orThrow("an instance within the ceiling");

        assertThat(apply(SkillPackFixture.skillPack("looker").withSidecar("img:1").withSidecarRbac(DELETE_DEPLOYMENTS).toYaml()).stderr())
                .contains("SkillPack \"looker\" denied: ")
                .contains("exceeds ClawPolicy rbacCeiling.rules")
                .contains("(ClawPolicy \"strict\", bound to ClawInstance \"viewer\")");
        assertThat(apply(SkillPackFixture.skillPack("greedy").withSidecar("img:1")
                .withSidecarRbac(new PolicyRuleBuilder().withApiGroups("").withResources("secrets").withVerbs("*").build()).toYaml()).stderr())
                .contains("uses a wildcard that reaches Secrets");
    }

    @Test
    void onlyWhoHoldsAPermissionMayHandItToASidecarOrScheduleRuns() {
        String dev = "system:serviceaccount:" + ns + ":dev";
        kubectl().run("create", "serviceaccount", "dev", "-n", ns).orThrow("sa");
        kubectl().run("create", "role", "kubeclaw-author", "-n", ns, "--verb=*", "--resource=skillpacks.kubeclaw.io,clawschedules.kubeclaw.io")
                .orThrow("role");
        kubectl().run("create", "rolebinding", "dev-author", "-n", ns, "--role=kubeclaw-author", "--serviceaccount=" + ns + ":dev").orThrow("binding");
        String podReader = SkillPackFixture.skillPack("pod-reader").withSidecar("img:1").withSidecarRbac(GET_PODS).toYaml();

        assertThat(applyAs(dev, podReader).stderr())
                .contains("SkillPack \"pod-reader\" denied: spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"pods\"], verbs: [\"get\"]} "
                        + "grants verb \"get\" on pods in namespace \"" + ns + "\", which user \"" + dev + "\" does not hold");
        assertThat(applyAs(dev, ClawScheduleFixture.schedule("nightly").forInstance("guarded").toYaml()).stderr())
                .contains("ClawSchedule \"nightly\" denied: user \"" + dev + "\" may not create agentruns.kubeclaw.io in namespace \"" + ns
                        + "\", and a schedule creates runs on their behalf");

        kubectl().run("create", "role", "pod-and-run-creator", "-n", ns, "--verb=get,create", "--resource=pods,agentruns.kubeclaw.io").orThrow("role");
        kubectl().run("create", "rolebinding", "dev-pods", "-n", ns, "--role=pod-and-run-creator", "--serviceaccount=" + ns + ":dev").orThrow("binding");
        assertThat(kubectl().run("auth", "can-i", "get", "pods", "-n", ns, "--as", dev).stdout().strip()).isEqualTo("yes");
        // The webhook's answers are cached for up to 10 s (kubeclaw.api.review-cache).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .untilAsserted(() -> applyAs(dev, podReader).orThrow("a SkillPack granting what its author holds"));
        applyAs(dev, ClawScheduleFixture.schedule("nightly").forInstance("guarded").toYaml()).orThrow("a schedule by who may create runs");
    }

    @Test
    void referencesCannotNameAnotherNamespace() {
        assertThat(apply(AgentRunFixture.run("elsewhere").forInstance("other/guarded").toYaml()).stderr())
                .contains("spec.instanceRef").contains("should match");
    }

    private static CommandResult apply(String yaml) {
        return kubectl().apply(yaml, ns);
    }

    /** kubectl apply as another user, by impersonation: the webhook sees that user, as the apiserver authorizes them. */
    private static CommandResult applyAs(String user, String yaml) {
        return kubectl().runWithInput(yaml, "apply", "-n", ns, "--as", user, "-f", "-");
    }
}

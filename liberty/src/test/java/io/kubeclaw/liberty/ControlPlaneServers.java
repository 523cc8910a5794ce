package io.kubeclaw.liberty;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.api.policy.PolicyBinding;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.testsupport.fixtures.ClawPolicyFixture;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import io.kubeclaw.testsupport.liberty.LibertyServer;
import io.kubeclaw.testsupport.nats.NatsServer;
import io.kubeclaw.testsupport.postgres.PostgresServer;
import io.kubeclaw.testsupport.process.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Starts KubeClaw Liberty servers against the shared test control plane, each with its own lease settings. */
final class ControlPlaneServers {

    static final String LEASE_NAMESPACE = KubeClaw.SYSTEM_NAMESPACE;

    /**
     * The shared server contends with nobody, so its lease is long: with a 5 s renew deadline a VM pause here lost it
     * the lease mid-suite in CI, and a leader that loses its lease stops reconciling until restarted, as it should.
     * A restart under the same identity takes the lease back at once.
     */
    private static final Map<String, String> SOLE_LEASE =
            LibertyServer.leaseTimings(Duration.ofSeconds(60), Duration.ofSeconds(40), Duration.ofSeconds(2));
    /**
     * Replicas contending for one lease: short enough for a quick takeover in LeaderElectionIT, with a renew deadline
     * past this VM's pauses (at 5 s the leader lost its lease in CI while the standby was starting).
     */
    static final Duration CONTENDED_LEASE_DURATION = Duration.ofSeconds(20);
    private static final Map<String, String> CONTENDED_LEASE =
            LibertyServer.leaseTimings(CONTENDED_LEASE_DURATION, Duration.ofSeconds(15), Duration.ofSeconds(2));

    private static LibertyServer shared;
    // Kept across restarts of the shared server, so the webhook configuration it registered stays valid.
    private static final int SHARED_HTTPS_PORT = FreePorts.next();
    private static NatsServer bus;
    private static PostgresServer database;

    private ControlPlaneServers() {
    }

    /**
     * One server for every test class that needs just "the control plane" against the cluster flavour:
     * started once per test JVM, stopped (by its pid) when the JVM exits.
     */
    static synchronized LibertyServer shared() {
        if (shared == null) {
            Map<String, String> webhook = new HashMap<>(LibertyServer.webhookOn(SHARED_HTTPS_PORT));
            // Checked often, so a test that takes the certificate away sees it issued again within seconds.
            webhook.put("KUBECLAW_WEBHOOK_CHECK_INTERVAL", "PT5S");
            // Likewise for open WebSockets: a withdrawn right or token ends what it allowed within seconds.
            webhook.put("KUBECLAW_WS_RECHECK_INTERVAL", "PT5S");
            webhook.putAll(SOLE_LEASE);
            LibertyServer started = start(KubeControlPlane.cluster(), "shared", "kubeclaw-it-shared", webhook);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "liberty-shared-stop"));
            shared = started.awaitLeading(Duration.ofMinutes(5));
        }
        return shared;
    }

    /** The event bus every server of this JVM reports to: started once, stopped (by its pid) when the JVM exits. */
    static synchronized NatsServer bus() {
        if (bus == null) {
            NatsServer started = NatsServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "nats-stop"));
            bus = started;
        }
        return bus;
    }

    /** The history database every server of this JVM uses: started once, stopped (by its pid) when the JVM exits. */
    static synchronized PostgresServer database() {
        if (database == null) {
            PostgresServer started = PostgresServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-stop"));
            database = started;
        }
        return database;
    }

    /** Kills the shared server (SIGKILL, no shutdown), as a crash would; it restarts on next use. */
    static synchronized void killShared() {
        if (shared != null) {
            shared.kill();
            shared = null;
        }
    }

    /**
     * Stops the shared server, for tests whose own servers must be the only controllers (it restarts on next use).
     * Its webhook registration goes too: those servers do not serve the webhook, and a registration pointing at a
     * stopped server fails every write closed.
     */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        KubeControlPlane kube = KubeControlPlane.cluster();
        kube.kubectl().run("delete", "validatingwebhookconfiguration,mutatingwebhookconfiguration", "-l", "app.kubernetes.io/managed-by=kubeclaw",
                "--ignore-not-found").orThrow("delete the webhook configurations");
    }

    /** A ClawPolicy in kubeclaw-system under which sidecars may hold anything the built-in guard allows. */
    static final String PERMISSIVE_POLICY = "it-permissive";
    private static final Set<String> adminPolicies = new HashSet<>();

    /**
     * Binds a namespace, as a cluster admin would (label kubeclaw.io/policy), to {@link #PERMISSIVE_POLICY}: tests of
     * other rules than the binding are not also refused by the built-in default, which lets sidecars hold nothing.
     */
    static void bindPermissivePolicy(String namespace) {
        PolicyRule anything = new PolicyRuleBuilder().withApiGroups("*").withResources("*").withVerbs("*").build();
        bindAdminPolicy(namespace, ClawPolicyFixture.policy(PERMISSIVE_POLICY).withRbacCeilingRule(anything).withClusterRbacCeilingRule(anything));
    }

    /** Binds a namespace, as a cluster admin would, to {@code policy}, which is made in kubeclaw-system the first time. */
    static synchronized void bindAdminPolicy(String namespace, ClawPolicyFixture policy) {
        KubeControlPlane kube = KubeControlPlane.cluster();
        String name = policy.build().getMetadata().getName();
        if (adminPolicies.add(name)) {
            ensureLeaseNamespace(kube);
            kube.kubectl().apply(policy.toYaml(), LEASE_NAMESPACE).orThrow("the admin policy " + name);
        }
        kube.kubectl().run("label", "namespace", namespace, PolicyBinding.NAMESPACE_LABEL + "=" + name, "--overwrite").orThrow("bind " + namespace);
    }

    /**
     * Exempts a namespace from the admission webhook (a cluster admin's label), for tests of what the controllers do
     * with objects the webhook would have refused.
     */
    static void withoutAdmission(String namespace) {
        KubeControlPlane.cluster().kubectl().run("label", "namespace", namespace, "kubeclaw.io/admission=disabled").orThrow("label " + namespace);
    }

    /** A replica contending for {@code leaseName}, leaving admission to others (the shared server serves the webhook). */
    static LibertyServer start(KubeControlPlane kube, String identity, String leaseName) {
        Map<String, String> settings = new HashMap<>(CONTENDED_LEASE);
        settings.put("KUBECLAW_WEBHOOK_ENABLED", "false");
        return start(kube, identity, leaseName, settings);
    }

    private static void ensureLeaseNamespace(KubeControlPlane kube) {
        kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(LEASE_NAMESPACE).endMetadata().build())
                .serverSideApply();
    }

    private static LibertyServer start(KubeControlPlane kube, String identity, String leaseName, Map<String, String> settings) {
        ensureLeaseNamespace(kube);
        Path output = Path.of("target", "liberty-it", identity).toAbsolutePath();
        Map<String, String> env = new HashMap<>(settings);
        // C1 only: a test server lives minutes, and without C2 compiling beside it a start here takes 60 s, not 80.
        env.put("JVM_ARGS", "-XX:TieredStopAtLevel=1");
        env.putAll(Map.of(
                "KUBECONFIG", kube.kubeconfig().toString(),
                "KUBECLAW_EVENT_BUS_URL", bus().url(),
                "KUBECLAW_DATABASE_URL", database().jdbcUrl(),
                "KUBECLAW_DATABASE_USER", PostgresServer.USER,
                "KUBECLAW_LEADER_ELECTION_IDENTITY", identity,
                "KUBECLAW_LEADER_ELECTION_LEASE_NAME", leaseName,
                "KUBECLAW_LEADER_ELECTION_LEASE_NAMESPACE", LEASE_NAMESPACE));
        return LibertyServer.start("liberty-" + identity, output, env);
    }
}

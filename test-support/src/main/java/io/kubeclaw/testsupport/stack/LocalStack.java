package io.kubeclaw.testsupport.stack;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.testsupport.ProjectPaths;
import io.kubeclaw.testsupport.kube.KubeBinaries;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import io.kubeclaw.testsupport.kube.Kubectl;
import io.kubeclaw.testsupport.liberty.LibertyServer;
import io.kubeclaw.testsupport.nats.NatsServer;
import io.kubeclaw.testsupport.postgres.PostgresServer;
import io.kubeclaw.testsupport.process.FreePorts;
import io.kubeclaw.testsupport.process.StartedServers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole local stack in one supervised process: a Kubernetes control plane (or the cluster of a
 * given kubeconfig), NATS JetStream, PostgreSQL and the KubeClaw Liberty server, with the CRDs and
 * samples applied. Everything it started stops, by pid, on SIGTERM or when a start-up step fails.
 */
public final class LocalStack {

    public static final String SAMPLES_NAMESPACE = "kubeclaw-demo";

    private final StartedServers started = new StartedServers();

    private LocalStack() {
    }

    /** Arguments: state-directory liberty-wlp-directory http-port [kubeconfig]. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: LocalStack <state-dir> <liberty-wlp-dir> <http-port> [kubeconfig]");
            System.exit(2);
        }
        LocalStack stack = new LocalStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]), Integer.parseInt(args[2]),
                    args.length == 4 ? Path.of(args[3]) : null);
        } catch (RuntimeException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start(Path dir, Path wlp, int httpPort, Path givenKubeconfig) throws IOException {
        requireFreePort(httpPort);
        Files.createDirectories(dir);
        System.setProperty("kubeclaw.liberty.dir", wlp.toString());
        KubeBinaries binaries = KubeBinaries.locate();

        Path kubeconfig;
        String cluster;
        if (givenKubeconfig == null) {
            KubeControlPlane plane = started.add(KubeControlPlane.start(dir.resolve("kube")));
            plane.ensureClusterComponents();
            kubeconfig = plane.kubeconfig();
            cluster = "local control plane " + plane.serverUrl() + " (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok)";
        } else {
            kubeconfig = givenKubeconfig;
            cluster = "the cluster of " + givenKubeconfig;
        }
        Kubectl kubectl = new Kubectl(binaries.path("kubectl"), kubeconfig);
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            for (String ns : new String[] {KubeClaw.SYSTEM_NAMESPACE, SAMPLES_NAMESPACE}) {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).serverSideApply();
            }
        }
        kubectl.run("apply", "--server-side", "--force-conflicts", "-f", ProjectPaths.crdDirectory().toString()).orThrow("applying the CRDs");
        kubectl.run("apply", "--server-side", "-f", ProjectPaths.rbacDirectory().toString()).orThrow("applying KubeClaw's ClusterRoles");
        kubectl.run("wait", "--for=condition=Established", "--timeout=60s", "-f", ProjectPaths.crdDirectory().toString()).orThrow("waiting for the CRDs");
        kubectl.run("apply", "-n", SAMPLES_NAMESPACE, "-k", ProjectPaths.root().resolve("k8s/samples").toString()).orThrow("applying the samples");

        NatsServer nats = started.add(NatsServer.start());
        PostgresServer postgres = started.add(PostgresServer.start());
        int httpsPort = FreePorts.next();
        // A cluster of your own cannot call a webhook on this machine's loopback, and a registered webhook it cannot
        // reach would fail every write of KubeClaw objects: there the controllers alone enforce the policies.
        Map<String, String> env = new HashMap<>(givenKubeconfig == null ? LibertyServer.webhookOn(httpsPort)
                : Map.of("HTTPS_PORT", String.valueOf(httpsPort), "KUBECLAW_WEBHOOK_ENABLED", "false"));
        env.putAll(Map.of(
                "KUBECONFIG", kubeconfig.toString(),
                "KUBECLAW_EVENT_BUS_URL", nats.url(),
                "KUBECLAW_DATABASE_URL", postgres.jdbcUrl(),
                "KUBECLAW_DATABASE_USER", PostgresServer.USER));
        // The stack's one server takes over from nobody; with the production 10 s renew deadline a laptop's
        // sleep or a paused VM loses it the lease, and a leader without its lease reconciles nothing until restarted.
        env.putAll(LibertyServer.leaseTimings(Duration.ofSeconds(60), Duration.ofSeconds(40), Duration.ofSeconds(2)));
        LibertyServer liberty = started.add(LibertyServer.start("liberty", dir.resolve("liberty"), env, httpPort));
        // "Up" means reconciling: the API answers well before the operator leads its lease with informers synced.
        liberty.awaitLeading(Duration.ofMinutes(5));

        String summary = """
                KubeClaw local stack is up.
                  Kubernetes   %s
                  kubeconfig   export KUBECONFIG=%s
                  kubectl      %s
                  NATS         %s (JetStream, pid %d)
                  PostgreSQL   %s (pid %d)
                  Liberty      %s (pid %d)  health: %s/health  admission webhook: %s
                  samples      kubectl get kubeclaw -n %s
                Stop everything: scripts/stack.sh down
                """.formatted(cluster, kubeconfig, binaries.path("kubectl"), nats.url(), nats.pid(), postgres.jdbcUrl(), postgres.pid(),
                liberty.baseUrl(), liberty.process().pid(), liberty.baseUrl(), givenKubeconfig == null ? "https://127.0.0.1:" + httpsPort : "off (your cluster cannot reach it)", SAMPLES_NAMESPACE);
        Files.writeString(dir.resolve("summary.txt"), summary);
        System.out.println(summary);
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use: stop what listens there, or choose another with KUBECLAW_HTTP_PORT");
        }
    }

    private void stop() {
        started.stopAll();
    }
}

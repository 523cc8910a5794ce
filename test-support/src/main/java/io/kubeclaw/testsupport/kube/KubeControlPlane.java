package io.kubeclaw.testsupport.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeclaw.testsupport.ProjectPaths;
import io.kubeclaw.testsupport.process.FreePorts;
import io.kubeclaw.testsupport.process.HttpProbe;
import io.kubeclaw.testsupport.process.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.awaitility.Awaitility;

/**
 * A real Kubernetes control plane on loopback: etcd and kube-apiserver v1.34 built from the upstream
 * Go modules, with the KubeClaw CRDs installed. The "cluster" flavour adds kube-controller-manager,
 * kube-scheduler and kwok with one fake node, so Jobs create Pods, Pods finish, and owner references
 * are garbage-collected for real. One instance is shared per JVM and stopped, by pid, when it exits.
 */
public final class KubeControlPlane implements AutoCloseable {

    /** The node kwok manages; pods scheduled there get a simulated lifecycle. */
    public static final String FAKE_NODE = "kwok-node-0";

    private static final Duration START_LIMIT = Duration.ofMinutes(2);
    private static final String SERVICE_ACCOUNT_ISSUER = "https://kubernetes.default.svc.cluster.local";
    /** The controllers the cluster flavour runs: enough for Jobs, Deployments, namespaces, accounts and GC. */
    private static final String CONTROLLERS = String.join(",",
            "job-controller", "garbage-collector-controller", "namespace-controller",
            "serviceaccount-controller", "serviceaccount-token-controller", "ttl-after-finished-controller",
            "deployment-controller", "replicaset-controller", "root-ca-certificate-publisher-controller",
            // Lifts the not-ready taint that admission puts on every new node once kwok reports it Ready.
            "node-lifecycle-controller");

    private static KubeControlPlane shared;

    private final KubeBinaries binaries;
    private final Path workDir;
    private final List<ServerProcess> processes = new ArrayList<>();
    private final AtomicInteger namespaces = new AtomicInteger();
    private final String adminToken;
    private final int apiPort;
    private final Path kubeconfig;
    private final Path servingCa;
    private final ServiceAccountKeys serviceAccountKeys;
    private final KubernetesClient client;
    private final Kubectl kubectl;
    private boolean clusterComponents;

    private KubeControlPlane(KubeBinaries binaries, Path workDir) {
        this.binaries = binaries;
        this.workDir = workDir;
        this.adminToken = randomToken();
        this.apiPort = FreePorts.next();
        try {
            Files.createDirectories(workDir);
            this.serviceAccountKeys = ServiceAccountKeys.generate(workDir);
            this.servingCa = workDir.resolve("apiserver-certs/apiserver.crt");
            String etcd = startEtcd();
            startApiServer(etcd);
            this.kubeconfig = KubeconfigFile.write(workDir.resolve("kubeconfig"), "https://127.0.0.1:" + apiPort, servingCa, adminToken);
            this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
            this.kubectl = new Kubectl(binaries.path("kubectl"), kubeconfig);
            installCrds();
            installRoles();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The shared control plane of this JVM, apiserver and etcd only; started on first use. */
    public static synchronized KubeControlPlane api() {
        if (shared == null) {
            Path dir = Path.of("target", "kube-control-plane-" + ProcessHandle.current().pid()).toAbsolutePath();
            shared = start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kube-control-plane-stop"));
        }
        return shared;
    }

    /** The shared control plane with controller-manager, scheduler and kwok running too. */
    public static synchronized KubeControlPlane cluster() {
        KubeControlPlane plane = api();
        plane.ensureClusterComponents();
        return plane;
    }

    /** Starts a control plane of its own in {@code workDir}; the caller closes it. */
    public static KubeControlPlane start(Path workDir) {
        return new KubeControlPlane(KubeBinaries.locate(), workDir);
    }

    public KubernetesClient client() {
        return client;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public Kubectl kubectl() {
        return kubectl;
    }

    public String serverUrl() {
        return "https://127.0.0.1:" + apiPort;
    }

    public List<ServerProcess> processes() {
        return List.copyOf(processes);
    }

    /** Creates a namespace with a unique name starting with {@code prefix} and returns that name. */
    public String newNamespace(String prefix) {
        String name = prefix + "-" + namespaces.incrementAndGet() + "-" + randomToken().substring(0, 5);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    public synchronized void ensureClusterComponents() {
        if (clusterComponents) {
            return;
        }
        startControllerManager();
        startScheduler();
        try {
            startKwok();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kwok", e);
        }
        clusterComponents = true;
    }

    private String startEtcd() {
        int clientPort = FreePorts.next();
        int peerPort = FreePorts.next();
        String clientUrl = "http://127.0.0.1:" + clientPort;
        String peerUrl = "http://127.0.0.1:" + peerPort;
        HttpClient http = HttpClient.newHttpClient();
        processes.add(ServerProcess.start("etcd", List.of(binaries.path("etcd"),
                "--name", "default", "--data-dir", workDir.resolve("etcd").toString(),
                "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", "default=" + peerUrl,
                // Test data need not survive a power cut; fsync dominates etcd latency on these disks.
                "--unsafe-no-fsync", "--log-level", "warn"),
                Map.of(), workDir.resolve("etcd.log"), START_LIMIT,
                () -> HttpProbe.status(http, clientUrl + "/health", null) == 200));
        return clientUrl;
    }

    private void startApiServer(String etcd) throws IOException {
        Path tokens = workDir.resolve("tokens.csv");
        Files.writeString(tokens, adminToken + ",kubeclaw-admin,kubeclaw-admin,\"system:masters\"\n");
        HttpClient http = insecureHttp();
        processes.add(ServerProcess.start("kube-apiserver", List.of(binaries.path("kube-apiserver"),
                "--etcd-servers", etcd,
                "--bind-address", "127.0.0.1", "--advertise-address", "127.0.0.1",
                "--secure-port", String.valueOf(apiPort),
                "--cert-dir", workDir.resolve("apiserver-certs").toString(),
                "--service-cluster-ip-range", "10.96.0.0/16",
                "--service-account-issuer", SERVICE_ACCOUNT_ISSUER,
                "--service-account-key-file", serviceAccountKeys.publicKey().toString(),
                "--service-account-signing-key-file", serviceAccountKeys.privateKey().toString(),
                "--token-auth-file", tokens.toString(),
                "--authorization-mode", "RBAC",
                "--allow-privileged=false",
                // kwok's node has no resolvable host name: reach its "kubelet" (for pod logs) by IP.
                "--kubelet-preferred-address-types", "InternalIP",
                "--profiling=false",
                "--v", "1"),
                Map.of(), workDir.resolve("kube-apiserver.log"), START_LIMIT,
                () -> HttpProbe.status(http, "https://127.0.0.1:" + apiPort + "/readyz", adminToken) == 200));
    }

    private void startControllerManager() {
        int port = FreePorts.next();
        HttpClient http = insecureHttp();
        processes.add(ServerProcess.start("kube-controller-manager", List.of(binaries.path("kube-controller-manager"),
                "--kubeconfig", kubeconfig.toString(),
                "--leader-elect=false",
                "--controllers", CONTROLLERS,
                "--service-account-private-key-file", serviceAccountKeys.privateKey().toString(),
                "--root-ca-file", servingCa.toString(),
                "--use-service-account-credentials=false",
                // kwok reports the node about once a minute, past the default 50 s grace: the node went NotReady for
                // a moment each minute, and the pods it then marked unready stayed so (no kubelet re-readies them).
                "--node-monitor-grace-period", "10m",
                "--bind-address", "127.0.0.1", "--secure-port", String.valueOf(port),
                "--v", "1"),
                Map.of(), workDir.resolve("kube-controller-manager.log"), START_LIMIT,
                () -> HttpProbe.status(http, "https://127.0.0.1:" + port + "/healthz", null) == 200));
    }

    private void startScheduler() {
        int port = FreePorts.next();
        HttpClient http = insecureHttp();
        processes.add(ServerProcess.start("kube-scheduler", List.of(binaries.path("kube-scheduler"),
                "--kubeconfig", kubeconfig.toString(),
                "--leader-elect=false",
                "--bind-address", "127.0.0.1", "--secure-port", String.valueOf(port),
                "--v", "1"),
                Map.of(), workDir.resolve("kube-scheduler.log"), START_LIMIT,
                () -> HttpProbe.status(http, "https://127.0.0.1:" + port + "/healthz", null) == 200));
    }

    private void startKwok() throws IOException {
        client.nodes().resource(fakeNode()).createOr(existing -> existing.update());
        applyCrd(Path.of(binaries.path("kwok-crds/logs.yaml")));
        Path stages = workDir.resolve("kwok-pod-stages.yaml");
        try (InputStream in = KubeControlPlane.class.getResourceAsStream("kwok-pod-stages.yaml")) {
            Files.copy(Objects.requireNonNull(in, "kwok-pod-stages.yaml on the class path"), stages, StandardCopyOption.REPLACE_EXISTING);
        }
        // The node's kubelet endpoint is kwok's own server on loopback, so the apiserver can fetch
        // pod logs from it (kwok serves them from the files its Logs objects name).
        int kubeletPort = FreePorts.next();
        processes.add(ServerProcess.start("kwok", List.of(binaries.path("kwok"),
                "--kubeconfig", kubeconfig.toString(),
                "--config", stages.toString(),
                "--enable-crds", "Logs",
                "--manage-all-nodes=false",
                "--manage-nodes-with-annotation-selector", "kwok.x-k8s.io/node=fake",
                "--node-ip", "127.0.0.1", "--node-port", String.valueOf(kubeletPort), "--cidr", "10.244.0.0/16",
                "--server-address", "127.0.0.1:" + kubeletPort),
                Map.of(), workDir.resolve("kwok.log"), START_LIMIT,
                () -> isReady(client.nodes().withName(FAKE_NODE).get())));
    }

    private static Node fakeNode() {
        Map<String, Quantity> capacity = Map.of("cpu", new Quantity("1000"), "memory", new Quantity("4000Gi"), "pods", new Quantity("2000"));
        return new NodeBuilder()
                .withNewMetadata()
                    .withName(FAKE_NODE)
                    .addToAnnotations("kwok.x-k8s.io/node", "fake")
                    .addToLabels("kubernetes.io/hostname", FAKE_NODE)
                    .addToLabels("kubernetes.io/os", "linux")
                    .addToLabels("kubernetes.io/arch", "amd64")
                    .addToLabels("type", "kwok")
                .endMetadata()
                .withNewStatus().withCapacity(capacity).withAllocatable(capacity).endStatus()
                .build();
    }

    private static boolean isReady(Node node) {
        return node != null && node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Applies every CRD under k8s/crds and waits until the apiserver serves them. */
    private void installCrds() throws IOException {
        Path dir = ProjectPaths.crdDirectory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            applyCrd(file);
        }
    }

    /** Applies the ClusterRoles KubeClaw ships (k8s/rbac), which tests bind their users to. */
    private void installRoles() throws IOException {
        Path dir = ProjectPaths.rbacDirectory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    client.load(in).serverSideApply();
                }
            }
        }
    }

    /** Applies one CRD and waits until the apiserver serves it. */
    private void applyCrd(Path file) throws IOException {
        CustomResourceDefinition crd;
        try (InputStream in = Files.newInputStream(file)) {
            crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        }
        client.resource(crd).forceConflicts().serverSideApply();
        Awaitility.await("CRD " + crd.getMetadata().getName() + " established")
                .atMost(1, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(100))
                .until(() -> established(crd.getMetadata().getName()));
    }

    private boolean established(String name) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Stops every process this plane started, newest first. */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        processes.clear();
    }

    /** Probes the servers' self-signed health endpoints on loopback, where their certificates are not yet known. */
    private static HttpClient insecureHttp() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAnyLoopbackServer()}, new SecureRandom());
            return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(2)).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Trusts any certificate: used only for health probes of servers this class started on 127.0.0.1. */
    private static final class TrustAnyLoopbackServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

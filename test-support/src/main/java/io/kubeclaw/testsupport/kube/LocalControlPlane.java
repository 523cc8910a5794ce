package io.kubeclaw.testsupport.kube;

import io.kubeclaw.testsupport.process.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the cluster-flavour control plane in the foreground for the local stack: writes the
 * kubeconfig and the pids of what it started into the given directory, and stops them all on
 * SIGTERM or SIGINT.
 */
public final class LocalControlPlane {

    private LocalControlPlane() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: LocalControlPlane <state-directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        KubeControlPlane plane;
        try {
            plane = KubeControlPlane.start(dir);
            plane.ensureClusterComponents();
        } catch (RuntimeException e) {
            System.err.println("error: the local Kubernetes control plane did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            plane.close();
            stopped.countDown();
        }, "local-control-plane-stop"));
        Files.writeString(dir.resolve("pids"), plane.processes().stream()
                .map(p -> p.pid() + " " + p).collect(Collectors.joining("\n", "", "\n")));
        System.out.println("kube-apiserver " + plane.serverUrl() + " ready; kubeconfig " + plane.kubeconfig());
        for (ServerProcess process : plane.processes()) {
            System.out.println("  " + process + " log " + process.log());
        }
        stopped.await();
    }
}

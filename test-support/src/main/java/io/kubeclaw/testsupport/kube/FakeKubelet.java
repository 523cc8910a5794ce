package io.kubeclaw.testsupport.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Ends pods on the kwok node the way a kubelet would after the container exits: the container's log
 * becomes readable through the apiserver ({@code kubectl logs}), then the pod terminates with the exit
 * code. Agent pods stay Running until a test does this (see kwok-pod-stages.yaml).
 */
public final class FakeKubelet {

    /** The annotation kwok's pod-exit stage reacts to. */
    public static final String EXIT_CODE = "kwok.kubeclaw.io/exit-code";
    /** An image kwok never "pulls": pods using it show ImagePullBackOff. */
    public static final String UNPULLABLE_IMAGE = "kubeclaw.invalid/unpullable:0";

    private final KubernetesClient client;
    private final Path logDirectory;

    public FakeKubelet(KubernetesClient client, Path logDirectory) {
        this.client = client;
        this.logDirectory = logDirectory;
    }

    /** Gives {@code container} of the pod the log {@code log}, then lets the pod exit with {@code exitCode}. */
    public void exit(String namespace, String pod, String container, String log, int exitCode) {
        serveLog(namespace, pod, container, log);
        client.pods().inNamespace(namespace).withName(pod).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"annotations\":{\"" + EXIT_CODE + "\":\"" + exitCode + "\"}}}");
    }

    /** The container runtime's on-disk log format, which kwok (like the kubelet) parses: one stdout entry per line. */
    private static String criFormat(String log) {
        String timestamp = Instant.now().toString();
        StringBuilder out = new StringBuilder();
        log.lines().forEach(line -> out.append(timestamp).append(" stdout F ").append(line).append('\n'));
        return out.toString();
    }

    /** Makes {@code log} what the apiserver returns for the container's log. */
    public void serveLog(String namespace, String pod, String container, String log) {
        Path file = logDirectory.resolve(namespace + "." + pod + "." + container + ".log").toAbsolutePath();
        try {
            Files.createDirectories(logDirectory);
            Files.writeString(file, criFormat(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GenericKubernetesResource logs = new GenericKubernetesResourceBuilder()
                .withApiVersion("kwok.x-k8s.io/v1alpha1").withKind("Logs")
                .withNewMetadata().withName(pod).withNamespace(namespace).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("logs", List.of(
                        Map.of("containers", List.of(container), "logsFile", file.toString())))))
                .build();
        client.resource(logs).forceConflicts().serverSideApply();
    }
}

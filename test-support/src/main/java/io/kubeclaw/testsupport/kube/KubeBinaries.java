package io.kubeclaw.testsupport.kube;

import io.kubeclaw.testsupport.ProjectPaths;
import io.kubeclaw.testsupport.process.CommandResult;
import io.kubeclaw.testsupport.process.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes binaries built from the upstream Go modules by k8s/scripts/build-kube-binaries.sh,
 * which builds them on first use and caches them by version outside the repository.
 */
public record KubeBinaries(Path directory) {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(60);

    /** Finds the cached binaries, building what is missing. */
    public static KubeBinaries locate() {
        Path script = ProjectPaths.root().resolve("k8s/scripts/build-kube-binaries.sh");
        CommandResult built = Commands.run(List.of("bash", script.toString()), null, Map.of(), BUILD_LIMIT)
                .orThrow("building the Kubernetes binaries with " + script);
        Path dir = Path.of(built.stdout().strip().lines().reduce((first, last) -> last).orElseThrow());
        for (String name : List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl", "kwok")) {
            if (!Files.isExecutable(dir.resolve(name))) {
                throw new IllegalStateException(name + " is missing from " + dir + ": delete that directory and run " + script);
            }
        }
        return new KubeBinaries(dir);
    }

    public String path(String name) {
        return directory.resolve(name).toString();
    }
}

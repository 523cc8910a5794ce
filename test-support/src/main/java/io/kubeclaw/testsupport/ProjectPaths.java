package io.kubeclaw.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root, so tests in any module find k8s/ and the scripts. */
public final class ProjectPaths {

    private ProjectPaths() {
    }

    /** The root: the {@code kubeclaw.root} system property, else the nearest parent holding k8s/scripts. */
    public static Path root() {
        String configured = System.getProperty("kubeclaw.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s/scripts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the KubeClaw repository root: set -Dkubeclaw.root=/path/to/repo");
    }

    public static Path crdDirectory() {
        return root().resolve("k8s/crds");
    }

    /** The ClusterRoles KubeClaw ships for its users (k8s/rbac). */
    public static Path rbacDirectory() {
        return root().resolve("k8s/rbac");
    }
}

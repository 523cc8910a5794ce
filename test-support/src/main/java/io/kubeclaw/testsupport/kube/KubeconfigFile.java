package io.kubeclaw.testsupport.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Writes a kubeconfig for a bearer-token user of a control plane, trusting its serving CA. */
final class KubeconfigFile {

    private KubeconfigFile() {
    }

    static Path write(Path file, String server, Path servingCa, String token) throws IOException {
        String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(servingCa));
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: kubeclaw-local
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: kubeclaw-admin
                  user:
                    token: %s
                contexts:
                - name: kubeclaw-local
                  context:
                    cluster: kubeclaw-local
                    user: kubeclaw-admin
                current-context: kubeclaw-local
                """.formatted(server, ca, token));
        return file;
    }
}

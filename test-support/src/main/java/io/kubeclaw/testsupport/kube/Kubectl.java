package io.kubeclaw.testsupport.kube;

import io.kubeclaw.testsupport.process.CommandResult;
import io.kubeclaw.testsupport.process.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real kubectl, as a user runs it, pointed at a test control plane. */
public final class Kubectl {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final String binary;
    private final Path kubeconfig;

    public Kubectl(String binary, Path kubeconfig) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
    }

    public CommandResult run(String... args) {
        return runWithInput(null, args);
    }

    /** {@code kubectl apply -n namespace -f -} with the YAML on standard input. */
    public CommandResult apply(String yaml, String namespace) {
        return runWithInput(yaml, "apply", "-n", namespace, "-f", "-");
    }

    public CommandResult runWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(binary, "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        return Commands.run(command, stdin, Map.of(), LIMIT);
    }
}

package io.kubeclaw.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.testsupport.ProjectPaths;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import io.kubeclaw.testsupport.process.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The samples in k8s/samples apply cleanly to a real apiserver, read back unchanged, and list under kubeclaw. */
class SamplesIT {

    private static final KubeControlPlane CONTROL_PLANE = KubeControlPlane.api();
    private static final Path SAMPLES = ProjectPaths.root().resolve("k8s/samples");

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleAppliesAndReadsBackUnchanged(Path sample) throws IOException {
        String namespace = CONTROL_PLANE.newNamespace("sample");
        GenericKubernetesResource expected = Serialization.unmarshal(Files.readString(sample), GenericKubernetesResource.class);
        String resource = expected.getKind().toLowerCase(Locale.ROOT);

        CommandResult applied = CONTROL_PLANE.kubectl().apply(Files.readString(sample), namespace);

        assertThat(applied.ok()).as("kubectl apply %s: %s", sample.getFileName(), applied.stderr()).isTrue();
        assertThat(applied.stdout()).contains(resource + ".kubeclaw.io/" + expected.getMetadata().getName() + " created");
        CommandResult read = CONTROL_PLANE.kubectl().run("get", resource, expected.getMetadata().getName(), "-n", namespace, "-o", "yaml");
        assertThat(read.ok()).as(read.stderr()).isTrue();
        GenericKubernetesResource stored = Serialization.unmarshal(read.stdout(), GenericKubernetesResource.class);
        Object expectedSpec = expected.getAdditionalProperties().get("spec");
        assertThat(expectedSpec).as("spec of %s", sample.getFileName()).isNotNull();
        // Equal specs also prove the samples spell out every field the schema would default.
        assertThat(stored.getAdditionalProperties().get("spec")).isEqualTo(expectedSpec);
    }

    @Test
    void getKubeclawListsEveryKindWithItsColumns() {
        String namespace = CONTROL_PLANE.newNamespace("samples");
        CommandResult applied = CONTROL_PLANE.kubectl().run("apply", "-k", SAMPLES.toString(), "-n", namespace);
        assertThat(applied.ok()).as(applied.stderr()).isTrue();

        CommandResult listed = CONTROL_PLANE.kubectl().run("get", "kubeclaw", "-n", namespace);

        assertThat(listed.ok()).as(listed.stderr()).isTrue();
        List<String> lines = listed.stdout().lines().map(line -> String.join(" ", line.trim().split("\\s+"))).toList();
        assertThat(lines).contains(
                "NAME PROVIDER MODEL PHASE ACTIVE AGE",
                "NAME INSTANCE PHASE POD AGE",
                "NAME SANDBOX REQUIRED DEFAULT TOOL ACTION AGE",
                "NAME VERSION SKILLS PHASE AGE",
                "NAME INSTANCE SCHEDULE SUSPEND ACTIVE LAST RUN AGE");
        assertThat(lines).anyMatch(line -> line.startsWith("clawinstance.kubeclaw.io/sre anthropic claude-sonnet-4-5 "))
                .anyMatch(line -> line.startsWith("agentrun.kubeclaw.io/diagnose-checkout sre "))
                .anyMatch(line -> line.startsWith("clawpolicy.kubeclaw.io/restrictive true deny "))
                .anyMatch(line -> line.startsWith("skillpack.kubeclaw.io/k8s-ops 0.1.0 "))
                .anyMatch(line -> line.startsWith("clawschedule.kubeclaw.io/daily-standup sre 0 9 * * 1-5 false "));
    }

    @Test
    void wideOutputAddsThePriorityColumns() {
        String namespace = CONTROL_PLANE.newNamespace("wide");
        applySample("clawinstance-sre.yaml", namespace);

        CommandResult listed = CONTROL_PLANE.kubectl().run("get", "ci", "-n", namespace, "-o", "wide");

        assertThat(listed.ok()).as(listed.stderr()).isTrue();
        assertThat(listed.stdout().lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("NAME", "PROVIDER", "MODEL", "PHASE", "ACTIVE", "POLICY", "AGE");
    }

    private static void applySample(String fileName, String namespace) {
        try {
            CONTROL_PLANE.kubectl().apply(Files.readString(SAMPLES.resolve(fileName)), namespace).orThrow("kubectl apply " + fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

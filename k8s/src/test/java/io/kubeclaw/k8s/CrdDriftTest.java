package io.kubeclaw.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.kubeclaw.api.crd.CrdFinisher;
import io.kubeclaw.testsupport.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The CRD YAML committed under k8s/crds must be exactly what the api classes generate. */
class CrdDriftTest {

    private static final String FIX = "run k8s/scripts/update-crds.sh and commit the result";

    static final List<Class<? extends CustomResource<?, ?>>> KINDS = CrdFinisher.KINDS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void committedCrdIsTheGeneratedOne(Class<? extends HasMetadata> kind) throws IOException {
        String generated = generated(kind);
        Path committed = ProjectPaths.crdDirectory().resolve(committedFileName(kind));
        if (!Files.exists(committed)) {
            fail("%s is missing: %s", ProjectPaths.root().relativize(committed), FIX);
        }

        String difference = firstDifference(Files.readString(committed), generated);
        if (difference != null) {
            fail("%s differs from the CRD generated from %s (%s): %s",
                    ProjectPaths.root().relativize(committed), kind.getSimpleName(), difference, FIX);
        }
    }

    @Test
    void noCommittedCrdWithoutAKind() throws IOException {
        List<String> expected = KINDS.stream().map(CrdDriftTest::committedFileName).sorted().toList();
        try (Stream<Path> files = Files.list(ProjectPaths.crdDirectory())) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted().toList())
                    .as("k8s/crds holds one file per kind; remove stale ones or " + FIX)
                    .isEqualTo(expected);
        }
    }

    private static String committedFileName(Class<? extends HasMetadata> kind) {
        return HasMetadata.getPlural(kind) + "." + HasMetadata.getGroup(kind) + ".yaml";
    }

    private static String generated(Class<? extends HasMetadata> kind) throws IOException {
        String resource = "META-INF/fabric8/" + CrdFinisher.generatedFileName(kind);
        try (InputStream in = CrdDriftTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                fail("%s is not on the classpath: the kubeclaw-api jar was built without its CRDs", resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Where the two texts first part, for a failure message short enough to read; null when equal. */
    private static String firstDifference(String committed, String generated) {
        List<String> committedLines = committed.lines().toList();
        List<String> generatedLines = generated.lines().toList();
        for (int i = 0; i < Math.max(committedLines.size(), generatedLines.size()); i++) {
            String was = i < committedLines.size() ? committedLines.get(i) : "<end of file>";
            String now = i < generatedLines.size() ? generatedLines.get(i) : "<end of file>";
            if (!was.equals(now)) {
                return "line " + (i + 1) + " is '" + was.strip() + "' but is generated as '" + now.strip() + "'";
            }
        }
        return committed.equals(generated) ? null : "line endings differ";
    }
}

package io.kubeclaw.k8s;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.kubeclaw.api.crd.CrdFinisher;
import io.kubeclaw.api.v1alpha1.instance.MemorySpec;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import io.kubeclaw.testsupport.process.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kubectl explain} shows the descriptions written on the api classes. */
class KubectlExplainIT {

    private static final KubeControlPlane CONTROL_PLANE = KubeControlPlane.api();

    static final List<Class<? extends CustomResource<?, ?>>> KINDS = CrdFinisher.KINDS;

    @Test
    void explainsEveryMemoryField() {
        String explained = explain("clawinstance.spec.memory");

        assertThat(explained).contains("Persistent memory kept between runs.");
        List<String> fieldDescriptions = Arrays.stream(MemorySpec.class.getDeclaredFields())
                .map(field -> field.getAnnotation(JsonPropertyDescription.class))
                .filter(description -> description != null)
                .map(JsonPropertyDescription::value)
                .toList();
        assertThat(fieldDescriptions).hasSize(3);
        assertThat(explained).contains(fieldDescriptions);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void explainsEveryKind(Class<? extends CustomResource<?, ?>> kind) {
        String resource = HasMetadata.getSingular(kind);

        assertThat(explain(resource)).contains(kind.getAnnotation(JsonClassDescription.class).value());
        assertThat(explain(resource + ".spec")).contains(specType(kind).getAnnotation(JsonClassDescription.class).value());
    }

    /** kubectl wraps descriptions at its terminal width; compare with whitespace collapsed. */
    private static String explain(String path) {
        CommandResult result = CONTROL_PLANE.kubectl().run("explain", path);
        assertThat(result.ok()).as("kubectl explain %s: %s", path, result.stderr()).isTrue();
        return result.stdout().replaceAll("\\s+", " ");
    }

    private static Class<?> specType(Class<?> kind) {
        return (Class<?>) ((ParameterizedType) kind.getGenericSuperclass()).getActualTypeArguments()[0];
    }
}

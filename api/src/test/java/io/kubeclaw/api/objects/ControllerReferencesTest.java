package io.kubeclaw.api.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControllerReferencesTest {

    static Stream<Arguments> objects() {
        return Stream.of(
                Arguments.of("namespaced, controller reference to the owner", namespaced(true, "owner-uid", null), true),
                Arguments.of("namespaced, a plain (non-controller) reference", namespaced(false, "owner-uid", null), false),
                Arguments.of("namespaced, controller reference to another", namespaced(true, "other-uid", null), false),
                Arguments.of("namespaced, only the label (anyone may label)", namespaced(null, null, "owner-uid"), false),
                Arguments.of("cluster-scoped, the owner label", new ClusterRoleBuilder().withNewMetadata().withName("r")
                        .addToLabels(ObjectLabels.OWNER_UID, "owner-uid").endMetadata().build(), true),
                Arguments.of("cluster-scoped, another's label", new ClusterRoleBuilder().withNewMetadata().withName("r")
                        .addToLabels(ObjectLabels.OWNER_UID, "other-uid").endMetadata().build(), false),
                Arguments.of("cluster-scoped, no label", new ClusterRoleBuilder().withNewMetadata().withName("r").endMetadata().build(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void anObjectIsTheOwnersOnlyByItsControllerReferenceOrOnClusterScopeItsOwnerLabel(String description, HasMetadata object, boolean controlled) {
        assertThat(ControllerReferences.controlledBy(object, "owner-uid")).isEqualTo(controlled);
        assertThat(ControllerReferences.controlledBy(object, null)).isFalse();
    }

    private static HasMetadata namespaced(Boolean controller, String uid, String label) {
        var builder = new ConfigMapBuilder().withNewMetadata().withName("m").withNamespace("team");
        if (uid != null) {
            builder.addNewOwnerReference().withApiVersion("kubeclaw.io/v1alpha1").withKind("AgentRun").withName("r").withUid(uid)
                    .withController(controller).endOwnerReference();
        }
        if (label != null) {
            builder.addToLabels(ObjectLabels.OWNER_UID, label);
        }
        return builder.endMetadata().build();
    }
}

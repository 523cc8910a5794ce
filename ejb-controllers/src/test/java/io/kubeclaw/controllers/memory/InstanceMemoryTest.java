package io.kubeclaw.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kubeclaw.api.objects.MemoryConfigMap;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceMemoryTest {

    @ParameterizedTest
    @CsvSource({"assistant, assistant-memory", "ops-bot-2, ops-bot-2-memory"})
    void configMapIsNamedAfterTheInstance(String instance, String configMap) {
        assertThat(MemoryConfigMap.name(instance)).isEqualTo(configMap);
    }

    @Test
    void enabledWhenTheInstanceHasNoMemorySection() {
        ClawInstance instance = ClawInstanceFixture.instance("assistant").build();

        assertThat(instance.getSpec().getMemory()).isNull();
        assertThat(MemoryConfigMap.enabled(instance)).isTrue();
        assertThat(MemoryConfigMap.maxSizeKB(instance)).isEqualTo(256);
    }

    @ParameterizedTest(name = "memory.enabled={0} -> {1}")
    @CsvSource(nullValues = "unset", value = {"unset, true", "true, true", "false, false"})
    void enabledUnlessTurnedOff(Boolean memoryEnabled, boolean enabled) {
        ClawInstance instance = ClawInstanceFixture.instance("assistant").withMemoryEnabled(memoryEnabled).build();

        assertThat(MemoryConfigMap.enabled(instance)).isEqualTo(enabled);
    }

    @ParameterizedTest(name = "memory.maxSizeKB={0} -> {1}")
    @CsvSource(nullValues = "unset", value = {"unset, 256", "64, 64", "1024, 1024"})
    void maxSizeDefaultsTo256KB(Integer maxSizeKB, int expected) {
        ClawInstance instance = ClawInstanceFixture.instance("assistant").withMemoryMaxSizeKB(maxSizeKB).build();

        assertThat(MemoryConfigMap.maxSizeKB(instance)).isEqualTo(expected);
    }

    @Test
    void initiallyAnEmptyMemoryOwnedByTheInstance() {
        ClawInstance instance = ClawInstanceFixture.instance("assistant").inNamespace("team").build();
        instance.getMetadata().setUid("instance-uid");

        ConfigMap memory = InstanceMemory.initial(instance);

        assertThat(memory.getMetadata().getName()).isEqualTo("assistant-memory");
        assertThat(memory.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(memory.getMetadata().getLabels()).containsOnly(
                entry("app.kubernetes.io/managed-by", "kubeclaw"),
                entry(InstanceMemory.INSTANCE_LABEL, "assistant"));
        assertThat(memory.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getApiVersion()).isEqualTo("kubeclaw.io/v1alpha1");
            assertThat(owner.getKind()).isEqualTo("ClawInstance");
            assertThat(owner.getName()).isEqualTo("assistant");
            assertThat(owner.getUid()).isEqualTo("instance-uid");
            assertThat(owner.getController()).isTrue();
        });
        assertThat(memory.getData()).containsOnly(entry("MEMORY.md", "# Memory of assistant\n"));
        assertThat(memory.getBinaryData()).isNullOrEmpty();
    }
}

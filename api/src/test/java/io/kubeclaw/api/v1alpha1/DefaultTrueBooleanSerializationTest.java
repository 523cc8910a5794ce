package io.kubeclaw.api.v1alpha1;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.api.v1alpha1.instance.MemorySpec;
import io.kubeclaw.api.v1alpha1.skillpack.SidecarSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema defaults memory.enabled, includeMemory and mountWorkspace to true, so an explicit false must
 * reach the apiserver (never dropped as a "default" value) and an unset value must stay unset.
 */
class DefaultTrueBooleanSerializationTest {

    record DefaultTrueField<T>(String name, Class<T> type, BiConsumer<T, Boolean> setter, Function<T, Boolean> getter) {
        T newWith(Boolean value) {
            try {
                T object = type.getDeclaredConstructor().newInstance();
                setter.accept(object, value);
                return object;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Stream<Arguments> fields() {
        return Stream.of(
                new DefaultTrueField<>("enabled", MemorySpec.class, MemorySpec::setEnabled, MemorySpec::getEnabled),
                new DefaultTrueField<>("includeMemory", ClawScheduleSpec.class,
                        ClawScheduleSpec::setIncludeMemory, ClawScheduleSpec::getIncludeMemory),
                new DefaultTrueField<>("mountWorkspace", SidecarSpec.class,
                        SidecarSpec::setMountWorkspace, SidecarSpec::getMountWorkspace)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    <T> void explicitFalseSurvivesYamlRoundTrip(DefaultTrueField<T> field) {
        String yaml = Serialization.asYaml(field.newWith(false));

        assertThat(yaml).contains(field.name() + ": false");
        assertThat(field.getter().apply(Serialization.unmarshal(yaml, field.type()))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    <T> void unsetStaysOmittedSoTheSchemaDefaultApplies(DefaultTrueField<T> field) {
        String yaml = Serialization.asYaml(field.newWith(null));

        assertThat(yaml).doesNotContain(field.name());
        assertThat(field.getter().apply(Serialization.unmarshal(yaml, field.type()))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    <T> void explicitTrueSurvivesYamlRoundTrip(DefaultTrueField<T> field) {
        String yaml = Serialization.asYaml(field.newWith(true));

        assertThat(field.getter().apply(Serialization.unmarshal(yaml, field.type()))).isTrue();
    }
}

package io.kubeclaw.api.v1alpha1;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.api.v1alpha1.common.ChannelType;
import io.kubeclaw.api.v1alpha1.common.ReadinessPhase;
import io.kubeclaw.api.v1alpha1.instance.ProviderName;
import io.kubeclaw.api.v1alpha1.policy.ToolAction;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.api.v1alpha1.run.CleanupPolicy;
import io.kubeclaw.api.v1alpha1.schedule.ConcurrencyPolicy;
import io.kubeclaw.api.v1alpha1.schedule.ScheduleType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Enum values travel as the exact strings of the API (lowercase or PascalCase), both ways. */
class EnumSerializationTest {

    static Stream<Arguments> wireValues() {
        return Stream.of(
                Arguments.of(ProviderName.AZURE_OPENAI, "azure-openai"),
                Arguments.of(ProviderName.OPENAI_COMPATIBLE, "openai-compatible"),
                Arguments.of(ProviderName.ANTHROPIC, "anthropic"),
                Arguments.of(ChannelType.WHATSAPP, "whatsapp"),
                Arguments.of(ToolAction.ASK, "ask"),
                Arguments.of(ScheduleType.HEARTBEAT, "heartbeat"),
                Arguments.of(ConcurrencyPolicy.FORBID, "Forbid"),
                Arguments.of(CleanupPolicy.KEEP, "Keep"),
                Arguments.of(AgentRunPhase.SUCCEEDED, "Succeeded"),
                Arguments.of(ReadinessPhase.DEGRADED, "Degraded"));
    }

    @ParameterizedTest(name = "{0} <-> {1}")
    @MethodSource("wireValues")
    void enumTravelsAsItsApiString(Enum<?> value, String wire) {
        assertThat(Serialization.asJson(value)).isEqualTo("\"" + wire + "\"");
        assertThat(Serialization.unmarshal("\"" + wire + "\"", value.getDeclaringClass())).isEqualTo(value);
    }
}

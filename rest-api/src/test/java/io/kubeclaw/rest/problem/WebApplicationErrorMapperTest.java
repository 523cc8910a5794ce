package io.kubeclaw.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebApplicationErrorMapperTest {

    @Test
    void aParsersMessageKeepsWhatWasWrongAndLosesTheServersInternals() {
        String jackson = "Cannot deserialize value of type `io.kubeclaw.api.v1alpha1.instance.ProviderName` from String \"gpt\": not one of the "
                + "values accepted for Enum class: [openai, anthropic]\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); "
                + "line: 1, column: 120] (through reference chain: io.kubeclaw.api.v1alpha1.ClawInstance[\"spec\"]->io.kubeclaw.api.v1alpha1.ClawInstanceSpec[\"provider\"])";

        String shown = WebApplicationErrorMapper.withoutInternals(jackson);

        assertThat(shown).isEqualTo("Cannot deserialize value of type `ProviderName` from String \"gpt\": not one of the values accepted for Enum "
                + "class: [openai, anthropic] (through reference chain: ClawInstance[\"spec\"]->ClawInstanceSpec[\"provider\"])");
        assertThat(shown).doesNotContain("io.kubeclaw", "Source");
    }
}

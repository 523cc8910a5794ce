package io.kubeclaw.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FeatureGatesTest {

    @Test
    void theSchemasRuleAndItsMessageNameExactlyTheGatesThatTakeEffect() {
        Matcher listed = Pattern.compile("\\[(.*)]").matcher(FeatureGates.KNOWN_GATES_RULE);
        assertThat(listed.find()).isTrue();
        assertThat(Arrays.stream(listed.group(1).split(",")).map(gate -> gate.strip().replace("'", "")))
                .containsExactlyInAnyOrderElementsOf(FeatureGates.TOOLS.keySet());
        assertThat(FeatureGates.TOOLS.keySet()).allSatisfy(gate -> assertThat(FeatureGates.KNOWN_GATES_MESSAGE).contains(gate));
    }
}

package io.kubeclaw.api.v1alpha1.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({"90s, 90000", "30m, 1800000", "1h30m, 5400000", "500ms, 500", "1h1m1s, 3661000", "2m2m, 240000"})
    void parsesWhatTheSchemaAccepts(String text, long millis) {
        assertThat(GoDuration.parse(text, Duration.ZERO)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void fallsBackWhenUnset(String text) {
        assertThat(GoDuration.parse(text, Duration.ofMinutes(7))).isEqualTo(Duration.ofMinutes(7));
        assertThat(GoDuration.parse(null, Duration.ofMinutes(7))).isEqualTo(Duration.ofMinutes(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "1d", "-5m", "m5", "1.5h"})
    void refusesWhatTheSchemaRefuses(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text, Duration.ZERO)).hasMessageContaining("is not a duration like 90s, 30m or 1h30m");
    }

    @org.junit.jupiter.api.Test
    void aDurationTooLongForJavaIsAnErrorNotAnOverflow() {
        assertThatThrownBy(() -> GoDuration.parse("9999999999999999h", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"9999999999999999h\" is too long a duration");
    }
}

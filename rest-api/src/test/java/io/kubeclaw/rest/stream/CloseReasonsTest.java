package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloseReasonsTest {

    @Test
    void aReasonThatFitsIsKeptWhole() {
        assertThat(CloseReasons.fit("no bearer token")).isEqualTo("no bearer token");
    }

    @Test
    void aLongReasonKeepsItsHeadlineAndTheErrorFrameCarriesTheRest() {
        String detail = "no bearer token: send a Kubernetes bearer token, e.g. Authorization: Bearer $(kubectl create token <serviceaccount> -n <namespace>)";
        assertThat(CloseReasons.fit(detail)).isEqualTo("no bearer token");
    }

    @Test
    void aLongHeadlineIsCutWithinTheLimitOnACharacterBoundary() {
        String reason = CloseReasons.fit("ü".repeat(200));
        assertThat(reason.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CloseReasons.MAX_BYTES);
        assertThat(reason).endsWith("…").startsWith("üü").doesNotContain("\uFFFD");
    }

    @Test
    void aSlowClientIsToldWhereToResumeAndItFits() {
        String reason = CloseReasons.tooSlow(1000, 2_000_000, Long.MAX_VALUE);
        assertThat(reason).isEqualTo("client too slow: 1000 frames (1954 KiB) queued; reconnect with after=" + Long.MAX_VALUE);
        assertThat(CloseReasons.fit(reason)).isEqualTo(reason);
        assertThat(CloseReasons.tooSlow(3, 10, null)).isEqualTo("client too slow: 3 frames (1 KiB) queued; reconnect and subscribe again");
    }
}

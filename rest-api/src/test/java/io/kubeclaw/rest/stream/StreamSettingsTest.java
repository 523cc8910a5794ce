package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamSettingsTest {

    @Test
    void defaultsLetNoBrowserInQueueAThousandFramesAndFindTheBusInItsNamespace() {
        StreamSettings settings = from(Map.of());

        assertThat(settings.allowedOrigins()).isEmpty();
        assertThat(settings.maxQueuedFrames()).isEqualTo(1000);
        assertThat(settings.maxQueuedBytes()).isEqualTo(16L << 20);
        assertThat(settings.eventBusUrl()).isEqualTo("nats://nats.kubeclaw-system:4222");
        assertThat(settings.recheckEvery()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(from(Map.of("kubeclaw.ws.recheck-interval", "PT5S")).recheckEvery()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(from(Map.of("kubeclaw.event-bus.namespace", "bus", "kubeclaw.event-bus.port", "4333")).eventBusUrl())
                .isEqualTo("nats://nats.bus:4333");
    }

    @Test
    void originsAreACommaSeparatedList() {
        assertThat(from(Map.of("kubeclaw.api.allowed-origins", " https://a.example , ,http://localhost:3000")).allowedOrigins())
                .containsExactly("https://a.example", "http://localhost:3000");
    }

    @Test
    void aLimitThatIsNotAPositiveNumberIsRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> from(Map.of("kubeclaw.ws.max-queued", "lots")))
                .withMessage("kubeclaw.ws.max-queued must be a whole number, not \"lots\"");
        assertThatIllegalArgumentException().isThrownBy(() -> from(Map.of("kubeclaw.ws.max-queued", "0")))
                .withMessageStartingWith("kubeclaw.ws.max-queued and kubeclaw.ws.max-queued-bytes must be at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> from(Map.of("kubeclaw.ws.recheck-interval", "often")))
                .withMessage("kubeclaw.ws.recheck-interval must be an ISO-8601 duration such as PT1M, not \"often\"");
        assertThatIllegalArgumentException().isThrownBy(() -> from(Map.of("kubeclaw.ws.recheck-interval", "PT0S")))
                .withMessageStartingWith("kubeclaw.ws.recheck-interval must be a positive duration");
    }

    private static StreamSettings from(Map<String, String> config) {
        return StreamSettings.from(key -> Optional.ofNullable(config.get(key)));
    }
}

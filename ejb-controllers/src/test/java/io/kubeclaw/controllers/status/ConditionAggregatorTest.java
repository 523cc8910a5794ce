package io.kubeclaw.controllers.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionAggregatorTest {

    private static final String EARLIER = "2026-11-24T10:00:00Z";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T12:00:00.750Z"), ZoneOffset.UTC);

    record Case(String name, List<Condition> existing, long generation, boolean status, String reason, String message,
                boolean changed, boolean statusChanged, String lastTransitionTime) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        Condition accepted = condition("True", "Accepted", "ok", 3L);
        return Stream.of(
                new Case("first time: set, flipped, now", List.of(), 3, true, "Accepted", "ok", true, true, "2026-11-24T12:00:00Z"),
                new Case("nothing new: untouched", List.of(accepted), 3, true, "Accepted", "ok", false, false, EARLIER),
                new Case("new generation, same verdict: time kept", List.of(accepted), 4, true, "Accepted", "ok", true, false, EARLIER),
                new Case("reason only: time kept", List.of(accepted), 3, true, "Renamed", "ok", true, false, EARLIER),
                new Case("message changed: time moves", List.of(accepted), 3, true, "Accepted", "other", true, false, "2026-11-24T12:00:00Z"),
                new Case("status flipped: time moves", List.of(accepted), 3, false, "PolicyNotFound", "ok", true, true, "2026-11-24T12:00:00Z")
        ).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void setsConditionsAsSpecified(Case c) {
        ConditionAggregator aggregator = new ConditionAggregator(c.existing(), c.generation(), NOW)
                .set("Accepted", c.status(), c.reason(), c.message());

        Condition result = aggregator.conditions().getFirst();
        assertThat(aggregator.changed()).isEqualTo(c.changed());
        assertThat(aggregator.statusChanged("Accepted")).isEqualTo(c.statusChanged());
        assertThat(result.getLastTransitionTime()).isEqualTo(c.lastTransitionTime());
        assertThat(result.getStatus()).isEqualTo(c.status() ? "True" : "False");
        assertThat(result.getObservedGeneration()).isEqualTo(c.generation());
        assertThat(result.getReason()).isEqualTo(c.reason());
        assertThat(aggregator.isTrue("Accepted")).isEqualTo(c.status());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void leavesOtherConditionsAndTheirOrderAlone(Case c) {
        Condition ready = condition("False", "Pending", "waiting", 1L);
        List<Condition> existing = Stream.concat(Stream.of(ready), c.existing().stream()).toList();

        List<Condition> result = new ConditionAggregator(existing, c.generation(), NOW)
                .set("Accepted", c.status(), c.reason(), c.message()).conditions();

        assertThat(result).extracting(Condition::getType).containsExactly("Ready", "Accepted");
        assertThat(result.getFirst()).isSameAs(ready);
    }

    private static Condition condition(String status, String reason, String message, Long generation) {
        Condition condition = new Condition();
        condition.setType(status.equals("False") && reason.equals("Pending") ? "Ready" : "Accepted");
        condition.setStatus(status);
        condition.setReason(reason);
        condition.setMessage(message);
        condition.setObservedGeneration(generation);
        condition.setLastTransitionTime(EARLIER);
        return condition;
    }
}

package io.kubeclaw.api.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.bus.EventSubjects.RunTopic;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventStreamsTest {

    @ParameterizedTest
    @CsvSource({
            "a-b, c,   a, b-c",
            "a,   b-c, a-b, c",
            "a,   b.c, a.b, c",
            "ns,  run-1, ns-run, 1",
    })
    void runsThatASingleDashJoinWouldConfuseGetDifferentConsumers(String ns1, String run1, String ns2, String run2) {
        String first = EventStreams.runInboundName(ns1, run1);
        String second = EventStreams.runInboundName(ns2, run2);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aConsumerNameHoldsNoDotsOrWildcards() {
        assertThat(EventStreams.runInboundName("team-a", "run.2024.01"))
                .isEqualTo("run__team-a__run_2024_01")
                .doesNotContain(".", "*", ">", " ");
    }

    @Test
    void aRunInboundConsumerFiltersOnThatRunsInboundSubject() {
        var consumer = EventStreams.runInbound("team-a", "helper", "run-1");

        assertThat(consumer.getDurable()).isEqualTo("run__team-a__run-1");
        assertThat(consumer.getFilterSubject()).isEqualTo(EventSubjects.run("team-a", "helper", "run-1", RunTopic.INBOUND));
        assertThat(consumer.getInactiveThreshold()).isPositive();
    }

    @Test
    void theControllersConsumerReadsEveryRunResult() {
        var consumer = EventStreams.controllerResults(Duration.ofSeconds(45));

        assertThat(consumer.getDurable()).isEqualTo(EventStreams.CONTROLLER_RESULTS);
        assertThat(consumer.getFilterSubject()).isEqualTo(EventSubjects.allRunResults());
        assertThat(consumer.getAckWait()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void thereAreTheThreeStreams() {
        assertThat(EventStreams.defaults()).extracting(StreamConfiguration::getName)
                .containsExactly(EventStreams.RUNS, EventStreams.CHANNELS, EventStreams.REQUESTS);
    }

    static Stream<StreamConfiguration> streams() {
        return EventStreams.defaults().stream();
    }

    @ParameterizedTest
    @MethodSource("streams")
    void everyStreamIsOnFileStorageWithAgeAndSizeLimitsAndTheDuplicateWindow(StreamConfiguration stream) {
        assertThat(stream.getStorageType()).isEqualTo(StorageType.File);
        assertThat(stream.getMaxAge()).isPositive();
        assertThat(stream.getMaxBytes()).isPositive();
        assertThat(stream.getDiscardPolicy()).isEqualTo(DiscardPolicy.Old);
        assertThat(stream.getDuplicateWindow()).isEqualTo(Duration.ofMinutes(10)).isEqualTo(EventStreams.DUPLICATE_WINDOW);
    }

    @Test
    void noTwoStreamsClaimTheSameSubject() {
        List<StreamConfiguration> streams = EventStreams.defaults();
        for (int i = 0; i < streams.size(); i++) {
            for (int j = i + 1; j < streams.size(); j++) {
                for (String a : streams.get(i).getSubjects()) {
                    for (String b : streams.get(j).getSubjects()) {
                        assertThat(overlap(a, b)).as("%s and %s overlap", a, b).isFalse();
                    }
                }
            }
        }
    }

    static Stream<Arguments> subjectsAndTheirStream() {
        return Stream.of(
                Arguments.of(EventSubjects.run("ns", "inst", "r", RunTopic.EVENT), EventStreams.RUNS),
                Arguments.of(EventSubjects.run("ns", "inst", "r", RunTopic.TOOL), EventStreams.RUNS),
                Arguments.of(EventSubjects.run("ns", "inst", "r", RunTopic.RESULT), EventStreams.RUNS),
                Arguments.of(EventSubjects.run("ns", "inst", "r", RunTopic.INBOUND), EventStreams.RUNS),
                Arguments.of(EventSubjects.channel("ns", "inst", "slack", true), EventStreams.CHANNELS),
                Arguments.of(EventSubjects.channel("ns", "inst", "slack", false), EventStreams.CHANNELS),
                Arguments.of(EventSubjects.scheduleRequest("ns", "inst"), EventStreams.REQUESTS));
    }

    @ParameterizedTest
    @MethodSource("subjectsAndTheirStream")
    void everySubjectOfTheSchemeIsStoredByExactlyOneStream(String subject, String expectedStream) {
        List<String> storing = EventStreams.defaults().stream()
                .filter(stream -> stream.getSubjects().stream().anyMatch(filter -> overlap(filter, subject)))
                .map(StreamConfiguration::getName)
                .toList();

        assertThat(storing).containsExactly(expectedStream);
    }

    /** Whether some subject matches both NATS filters ({@code *} one token, {@code >} one or more trailing tokens). */
    static boolean overlap(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : null;
            String q = i < y.length ? y[i] : null;
            if (">".equals(p) || ">".equals(q)) {
                return p != null && q != null;
            }
            if (p == null || q == null) {
                return false;
            }
            if (!p.equals("*") && !q.equals("*") && !p.equals(q)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theOverlapHelperItselfSeesAnOverlapWhenThereIsOne() {
        assertThat(overlap("kubeclaw.*.*.run.>", "kubeclaw.ns.inst.>")).isTrue();
        assertThat(overlap("kubeclaw.*.*.run.>", "kubeclaw.*.*.run")).isFalse();
        assertThat(overlap("a.*", "a.b")).isTrue();
        assertThat(overlap("a.*", "a.b.c")).isFalse();
    }
}

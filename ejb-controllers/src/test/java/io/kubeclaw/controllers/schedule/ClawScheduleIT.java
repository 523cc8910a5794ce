package io.kubeclaw.controllers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.Operator;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.schedule.ConcurrencyPolicy;
import io.kubeclaw.controllers.events.EventRecorder;
import io.kubeclaw.testsupport.fixtures.ClawScheduleFixture;
import io.kubeclaw.testsupport.kube.KubeControlPlane;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ClawSchedule reconciler on a real apiserver with an injected clock: the test moves time forward
 * by hours in milliseconds. Runs are only created here (no AgentRun controller runs), so the test
 * ends them by writing their status, as that controller would.
 */
class ClawScheduleIT {

    private static final KubeControlPlane kube = KubeControlPlane.api();
    private static final TestClock clock = new TestClock();
    private static Operator operator;

    @BeforeAll
    static void startOperator() {
        operator = new Operator(o -> o.withKubernetesClient(kube.client()).withCloseClientOnStop(false));
        operator.register(new ClawScheduleReconciler(kube.client(), new EventRecorder(kube.client(), "schedule-it", clock), clock,
                Duration.ofMillis(300)));
        operator.start();
    }

    @AfterAll
    static void stopOperator() {
        operator.stop();
    }

    @Test
    void forbidSkipsADueRunWhileOneIsActiveAndStartsItOnceThatRunEnds() {
        String ns = kube.newNamespace("forbid");
        Instant nextHour = startClockBeforeAnHour();
        create(ns, ClawScheduleFixture.schedule("hourly").withCron("0 * * * *").withConcurrencyPolicy(ConcurrencyPolicy.FORBID));

        clock.set(nextHour.plusSeconds(5));
        String first = awaitRuns(ns, 1).getFirst();
        assertThat(first).isEqualTo("hourly-" + nextHour.getEpochSecond() / 60);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(ns, "hourly"))
                .isEqualTo(nextHour + " " + first + " 1 [" + first + "] " + nextHour.plus(1, ChronoUnit.HOURS)));

        clock.set(nextHour.plus(1, ChronoUnit.HOURS).plusSeconds(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readyReason(ns, "hourly")).isEqualTo("RunStillActive"));
        assertThat(runs(ns)).containsExactly(first);

        finish(ns, first, "Succeeded");
        List<String> both = awaitRuns(ns, 2);
        assertThat(both).contains("hourly-" + nextHour.plus(1, ChronoUnit.HOURS).getEpochSecond() / 60);
    }

    @Test
    void allowRunsOverlappingRunsSideBySide() {
        String ns = kube.newNamespace("allow");
        Instant nextHour = startClockBeforeAnHour();
        create(ns, ClawScheduleFixture.schedule("hourly").withCron("0 * * * *").withConcurrencyPolicy(ConcurrencyPolicy.ALLOW));

        clock.set(nextHour.plusSeconds(5));
        awaitRuns(ns, 1);
        clock.set(nextHour.plus(1, ChronoUnit.HOURS).plusSeconds(5));
        awaitRuns(ns, 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kube.kubectl().run("get", "clawschedule", "hourly", "-n", ns, "-o", "jsonpath={.status.activeCount} {.status.totalRuns}")
                        .stdout()).isEqualTo("2 2"));
    }

    @Test
    void replaceDeletesTheActiveRunAndStartsTheNewOne() {
        String ns = kube.newNamespace("replace");
        Instant nextHour = startClockBeforeAnHour();
        create(ns, ClawScheduleFixture.schedule("hourly").withCron("0 * * * *").withConcurrencyPolicy(ConcurrencyPolicy.REPLACE));

        clock.set(nextHour.plusSeconds(5));
        String first = awaitRuns(ns, 1).getFirst();
        clock.set(nextHour.plus(1, ChronoUnit.HOURS).plusSeconds(5));
        String second = "hourly-" + nextHour.plus(1, ChronoUnit.HOURS).getEpochSecond() / 60;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runs(ns)).containsExactly(second));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void afterDowntimeOnlyTheLatestMissedRunStartsAndOnlyWithinTheStartingDeadline() {
        String ns = kube.newNamespace("missed");
        Instant nextHour = startClockBeforeAnHour();
        create(ns, ClawScheduleFixture.schedule("late").withCron("0 * * * *").withStartingDeadlineSeconds(600L));
        create(ns, ClawScheduleFixture.schedule("too-late").withCron("0 * * * *").withStartingDeadlineSeconds(60L));

        // Five due times pass "while the controller was down"; the latest is 5 minutes ago.
        clock.set(nextHour.plus(4, ChronoUnit.HOURS).plus(5, ChronoUnit.MINUTES));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(runs(ns)).containsExactly("late-" + nextHour.plus(4, ChronoUnit.HOURS).getEpochSecond() / 60);
            assertThat(readyReason(ns, "too-late")).isEqualTo("MissedSchedule");
        });
        assertThat(kube.kubectl().run("get", "events", "-n", ns, "--field-selector", "involvedObject.name=too-late,type=Warning",
                "-o", "jsonpath={.items[*].reason}").stdout()).isEqualTo("MissedSchedule");
    }

    @Test
    void aSuspendedScheduleStartsNothingAndOnResumeStartsOnlyWhatIsWithinItsDeadline() {
        String ns = kube.newNamespace("suspend");
        Instant nextHour = startClockBeforeAnHour();
        create(ns, ClawScheduleFixture.schedule("paused").withCron("0 * * * *").withStartingDeadlineSeconds(600L).suspended());
        clock.set(nextHour.plusSeconds(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readyReason(ns, "paused")).isEqualTo("Suspended"));
        clock.set(nextHour.plus(1, ChronoUnit.HOURS).plusSeconds(5));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> runs(ns).isEmpty());

        // As with a CronJob, times missed while suspended count as missed: only the one within the deadline starts.
        kube.client().resources(ClawSchedule.class).inNamespace(ns).withName("paused")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":false}}");
        assertThat(awaitRuns(ns, 1)).containsExactly("paused-" + nextHour.plus(1, ChronoUnit.HOURS).getEpochSecond() / 60);
    }

    @Test
    void theScheduleIsReadInItsTimeZoneAndRunsCarryIncludeMemory() {
        String ns = kube.newNamespace("zone");
        startClockBeforeAnHour();
        create(ns, ClawScheduleFixture.schedule("standup").withCron("0 9 * * *").withTimeZone("Asia/Kolkata").includeMemory(false));

        ZonedDateTime nine = clock.instant().atZone(ZoneId.of("Asia/Kolkata")).withHour(9).withMinute(0).withSecond(0).withNano(0);
        Instant expected = (nine.toInstant().isAfter(clock.instant()) ? nine : nine.plusDays(1)).toInstant();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kube.kubectl().run("get", "clawschedule", "standup", "-n", ns,
                "-o", "jsonpath={.status.nextRunTime}").stdout()).isEqualTo(expected.toString()));
        // 09:00 in Kolkata is 03:30 UTC: the half-hour offset shows the zone was applied.
        assertThat(expected.atZone(ZoneOffset.UTC).getMinute()).isEqualTo(30);

        clock.set(expected.plusSeconds(1));
        String run = awaitRuns(ns, 1).getFirst();
        assertThat(kube.client().resources(AgentRun.class).inNamespace(ns).withName(run).get().getSpec().getIncludeMemory()).isFalse();
    }

    @Test
    void historyLimitsPruneTheOldestFinishedRuns() {
        String ns = kube.newNamespace("history");
        Instant nextHour = startClockBeforeAnHour();
        create(ns, ClawScheduleFixture.schedule("pruned").withCron("0 * * * *").withHistoryLimits(1, 1));
        for (int hour = 0; hour < 3; hour++) {
            clock.set(nextHour.plus(hour, ChronoUnit.HOURS).plusSeconds(5));
            String run = "pruned-" + nextHour.plus(hour, ChronoUnit.HOURS).getEpochSecond() / 60;
            await().atMost(Duration.ofSeconds(30)).until(() -> runs(ns).contains(run));
            finish(ns, run, "Succeeded");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(runs(ns)).containsExactly("pruned-" + nextHour.plus(2, ChronoUnit.HOURS).getEpochSecond() / 60));
    }

    /** Sets the clock to now (the schedule's creation is measured in real time) and returns the next full hour. */
    private static Instant startClockBeforeAnHour() {
        Instant now = Instant.now();
        clock.set(now);
        return now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    }

    private static void create(String ns, ClawScheduleFixture schedule) {
        kube.client().resource(schedule.forInstance("sre").withTask("Summarize the night's alerts.").inNamespace(ns).build()).create();
    }

    private static List<String> awaitRuns(String ns, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> runs(ns), runs -> runs.size() == count);
    }

    private static List<String> runs(String ns) {
        return kube.client().resources(AgentRun.class).inNamespace(ns).list().getItems().stream()
                .filter(run -> run.getMetadata().getDeletionTimestamp() == null)
                .map(run -> run.getMetadata().getName()).sorted().toList();
    }

    private static void finish(String ns, String run, String phase) {
        kube.client().resources(AgentRun.class).inNamespace(ns).withName(run).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"" + phase + "\",\"completedAt\":\"" + clock.instant() + "\"}}");
    }

    private static String status(String ns, String schedule) {
        ClawSchedule current = kube.client().resources(ClawSchedule.class).inNamespace(ns).withName(schedule).get();
        var status = current.getStatus();
        return status == null ? "" : status.getLastRunTime() + " " + status.getLastRunName() + " " + status.getTotalRuns() + " "
                + status.getActive() + " " + status.getNextRunTime();
    }

    private static String readyReason(String ns, String schedule) {
        return kube.kubectl().run("get", "clawschedule", schedule, "-n", ns, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}")
                .stdout();
    }

    /** A clock the test sets; the reconciler reads it on every pass. */
    static final class TestClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC");
        }
    }
}

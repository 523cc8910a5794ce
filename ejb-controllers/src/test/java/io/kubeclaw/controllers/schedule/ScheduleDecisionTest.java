package io.kubeclaw.controllers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunStatus;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.ClawScheduleStatus;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.api.v1alpha1.schedule.ConcurrencyPolicy;
import io.kubeclaw.controllers.schedule.ScheduleDecision.Action;
import io.kubeclaw.controllers.status.Reasons;
import io.kubeclaw.testsupport.fixtures.AgentRunFixture;
import io.kubeclaw.testsupport.fixtures.ClawScheduleFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleDecisionTest {

    private static final Instant CREATED = Instant.parse("2024-07-01T08:30:00Z");

    private static ClawScheduleFixture hourly() {
        return ClawScheduleFixture.schedule("report").inNamespace("team").withCron("0 * * * *");
    }

    private static ClawSchedule neverRun(ClawScheduleFixture fixture) {
        ClawSchedule schedule = fixture.build();
        schedule.getMetadata().setCreationTimestamp(CREATED.toString());
        return schedule;
    }

    private static ClawSchedule lastRunAt(ClawScheduleFixture fixture, String lastRunTime) {
        ClawSchedule schedule = neverRun(fixture);
        ClawScheduleStatus status = new ClawScheduleStatus();
        status.setLastRunTime(lastRunTime);
        schedule.setStatus(status);
        return schedule;
    }

    /** A run of the schedule; {@code phase} null means the run controller has not written a status yet. */
    private static AgentRun run(String name, AgentRunPhase phase) {
        AgentRun run = AgentRunFixture.run(name).inNamespace("team").build();
        if (phase != null) {
            AgentRunStatus status = new AgentRunStatus();
            status.setPhase(phase);
            run.setStatus(status);
        }
        return run;
    }

    private static ScheduleDecision decide(ClawSchedule schedule, String now, AgentRun... runs) {
        return ScheduleDecision.decide(schedule, List.of(runs), Instant.parse(now));
    }

    @Test
    void theFirstRunIsDueAtTheFirstTimeAfterCreation() {
        ScheduleDecision decision = decide(neverRun(hourly()), "2024-07-01T09:00:05Z");

        assertThat(decision.action()).isEqualTo(Action.START);
        assertThat(decision.dueTime()).contains(Instant.parse("2024-07-01T09:00:00Z"));
        assertThat(decision.nextRunTime()).contains(Instant.parse("2024-07-01T10:00:00Z"));
        assertThat(decision.missedCount()).isZero();
        assertThat(decision.reason()).isEqualTo(Reasons.RUN_STARTED);
        assertThat(decision.message()).isEqualTo("started AgentRun \"report-28663740\" due at 2024-07-01T09:00:00Z");
    }

    @Test
    void beforeTheFirstTimeNothingIsDue() {
        ScheduleDecision decision = decide(neverRun(hourly()), "2024-07-01T08:45:00Z");

        assertThat(decision.action()).isEqualTo(Action.WAIT);
        assertThat(decision.dueTime()).isEmpty();
        assertThat(decision.nextRunTime()).contains(Instant.parse("2024-07-01T09:00:00Z"));
        assertThat(decision.reason()).isEqualTo(Reasons.SCHEDULED);
    }

    @Test
    void onTimeTheNextSlotStartsAndTheOneAfterIsNext() {
        ScheduleDecision decision = decide(lastRunAt(hourly(), "2024-07-01T09:00:00Z"), "2024-07-01T10:00:00Z");

        assertThat(decision.action()).isEqualTo(Action.START);
        assertThat(decision.dueTime()).contains(Instant.parse("2024-07-01T10:00:00Z"));
        assertThat(decision.nextRunTime()).contains(Instant.parse("2024-07-01T11:00:00Z"));
    }

    @Test
    void aSlotAlreadyStartedIsNotStartedAgain() {
        ScheduleDecision decision = decide(lastRunAt(hourly(), "2024-07-01T10:00:00Z"), "2024-07-01T10:20:00Z");

        assertThat(decision.action()).isEqualTo(Action.WAIT);
        assertThat(decision.nextRunTime()).contains(Instant.parse("2024-07-01T11:00:00Z"));
    }

    @Test
    void manyTimesMissedDuringDowntimeStartOneRunForTheLatest() {
        ScheduleDecision decision = decide(lastRunAt(hourly(), "2024-07-01T09:00:00Z"), "2024-07-03T14:30:00Z");

        assertThat(decision.action()).isEqualTo(Action.START);
        assertThat(decision.dueTime()).contains(Instant.parse("2024-07-03T14:00:00Z"));
        // 10:00 on the 1st through 13:00 on the 3rd.
        assertThat(decision.missedCount()).isEqualTo(52);
        assertThat(decision.message()).endsWith("; 52 earlier runs were missed");
    }

    @Test
    void missedTimesAreCountedUpToTheLimit() {
        ScheduleDecision decision = decide(lastRunAt(hourly().withCron("* * * * *"), "2024-01-01T00:00:00Z"), "2024-07-03T14:30:00Z");

        assertThat(decision.dueTime()).contains(Instant.parse("2024-07-03T14:30:00Z"));
        assertThat(decision.missedCount()).isEqualTo(ScheduleDecision.MISSED_COUNT_LIMIT);
        assertThat(decision.message()).endsWith("; 100 or more earlier runs were missed");
    }

    @Test
    void aTimeMissedByMoreThanTheStartingDeadlineIsSkipped() {
        ClawScheduleFixture withDeadline = hourly().withStartingDeadlineSeconds(600L);

        ScheduleDecision late = decide(lastRunAt(withDeadline, "2024-07-01T09:00:00Z"), "2024-07-03T14:30:00Z");
        assertThat(late.action()).isEqualTo(Action.SKIP);
        assertThat(late.reason()).isEqualTo(Reasons.MISSED_SCHEDULE);
        assertThat(late.dueTime()).contains(Instant.parse("2024-07-03T14:00:00Z"));
        assertThat(late.nextRunTime()).contains(Instant.parse("2024-07-03T15:00:00Z"));
        assertThat(late.message()).startsWith("missed the run due at 2024-07-03T14:00:00Z by more than startingDeadlineSeconds (600)");

        ScheduleDecision inTime = decide(lastRunAt(withDeadline, "2024-07-01T09:00:00Z"), "2024-07-03T14:09:59Z");
        assertThat(inTime.action()).isEqualTo(Action.START);
        assertThat(inTime.dueTime()).contains(Instant.parse("2024-07-03T14:00:00Z"));
    }

    @Test
    void forbidSkipsWhileARunIsActive() {
        ClawSchedule schedule = lastRunAt(hourly(), "2024-07-01T09:00:00Z");

        ScheduleDecision decision = decide(schedule, "2024-07-01T10:00:00Z", run("report-28663740", AgentRunPhase.RUNNING));
        assertThat(decision.action()).isEqualTo(Action.SKIP);
        assertThat(decision.reason()).isEqualTo(Reasons.RUN_STILL_ACTIVE);
        assertThat(decision.message()).isEqualTo("skipped the run due at 2024-07-01T10:00:00Z: concurrencyPolicy is Forbid and "
                + "AgentRun \"report-28663740\" has not finished");

        assertThat(decide(schedule, "2024-07-01T10:00:00Z", run("report-28663740", AgentRunPhase.SUCCEEDED),
                run("report-28663680", AgentRunPhase.FAILED)).action()).isEqualTo(Action.START);
    }

    @Test
    void aRunWithoutAPhaseYetCountsAsActive() {
        ScheduleDecision decision = decide(lastRunAt(hourly(), "2024-07-01T09:00:00Z"), "2024-07-01T10:00:00Z", run("report-28663740", null));

        assertThat(decision.action()).isEqualTo(Action.SKIP);
    }

    @Test
    void allowStartsBesideActiveRuns() {
        ScheduleDecision decision = decide(lastRunAt(hourly().withConcurrencyPolicy(ConcurrencyPolicy.ALLOW), "2024-07-01T09:00:00Z"),
                "2024-07-01T10:00:00Z", run("report-28663740", AgentRunPhase.RUNNING));

        assertThat(decision.action()).isEqualTo(Action.START);
        assertThat(decision.runsToDelete()).isEmpty();
    }

    @Test
    void replaceDeletesTheActiveRunsThenStarts() {
        ScheduleDecision decision = decide(lastRunAt(hourly().withConcurrencyPolicy(ConcurrencyPolicy.REPLACE), "2024-07-01T09:00:00Z"),
                "2024-07-01T10:00:00Z", run("report-28663740", AgentRunPhase.RUNNING), run("report-28663680", AgentRunPhase.PENDING),
                run("report-28663620", AgentRunPhase.SUCCEEDED));

        assertThat(decision.action()).isEqualTo(Action.START);
        assertThat(decision.runsToDelete()).containsExactly("report-28663680", "report-28663740");
        assertThat(decision.message()).isEqualTo("started AgentRun \"report-28663800\" due at 2024-07-01T10:00:00Z in place of "
                + "AgentRuns \"report-28663680\", \"report-28663740\" (concurrencyPolicy Replace)");
    }

    @Test
    void aRunAlreadyThereForTheDueTimeIsRecordedNotReplaced() {
        // Created before a restart, but the status update saying so was lost.
        ScheduleDecision decision = decide(lastRunAt(hourly().withConcurrencyPolicy(ConcurrencyPolicy.REPLACE), "2024-07-01T09:00:00Z"),
                "2024-07-01T10:00:30Z", run("report-28663800", AgentRunPhase.RUNNING));

        assertThat(decision.action()).isEqualTo(Action.RECORD);
        assertThat(decision.dueTime()).contains(Instant.parse("2024-07-01T10:00:00Z"));
        assertThat(decision.runsToDelete()).isEmpty();
        assertThat(decision.reason()).isEqualTo(Reasons.RUN_ALREADY_STARTED);
    }

    @Test
    void aSuspendedScheduleStartsNothingAndHasNoNextTime() {
        ScheduleDecision decision = decide(lastRunAt(hourly().suspended(), "2024-07-01T09:00:00Z"), "2024-07-03T14:30:00Z");

        assertThat(decision.action()).isEqualTo(Action.WAIT);
        assertThat(decision.reason()).isEqualTo(Reasons.SUSPENDED);
        assertThat(decision.dueTime()).isEmpty();
        assertThat(decision.nextRunTime()).isEmpty();
    }

    @Test
    void theScheduleIsReadInItsTimeZone() {
        ScheduleDecision decision = decide(lastRunAt(hourly().withCron("0 9 * * *").withTimeZone("Europe/Berlin"), "2024-07-01T07:00:00Z"),
                "2024-07-02T07:00:30Z");

        assertThat(decision.dueTime()).contains(Instant.parse("2024-07-02T07:00:00Z"));
        assertThat(decision.nextRunTime()).contains(Instant.parse("2024-07-03T07:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Base", "UTC+2", "europe/berlin"})
    void anUnknownTimeZoneIsReportedNotThrown(String timeZone) {
        ScheduleDecision decision = decide(neverRun(hourly().withTimeZone(timeZone)), "2024-07-01T09:00:00Z");

        assertThat(decision.action()).isEqualTo(Action.INVALID);
        assertThat(decision.reason()).isEqualTo(Reasons.INVALID_TIME_ZONE);
        assertThat(decision.message()).isEqualTo("timeZone \"" + timeZone + "\" is not an IANA time zone: use e.g. Europe/Berlin or UTC");
        assertThat(decision.nextRunTime()).isEmpty();
    }

    @Test
    void aScheduleThatDoesNotParseOrNeverFiresIsReported() {
        ScheduleDecision unparsable = decide(neverRun(hourly().withCron("61 * * * *")), "2024-07-01T09:00:00Z");
        assertThat(unparsable.action()).isEqualTo(Action.INVALID);
        assertThat(unparsable.reason()).isEqualTo(Reasons.INVALID_SCHEDULE);
        assertThat(unparsable.message()).isEqualTo("schedule \"61 * * * *\" is not valid: minute field: \"61\" is outside 0-59");

        ScheduleDecision never = decide(neverRun(hourly().withCron("0 0 30 2 *")), "2024-07-01T09:00:00Z");
        assertThat(never.action()).isEqualTo(Action.INVALID);
        assertThat(never.message()).startsWith("schedule \"0 0 30 2 *\" never fires");
    }
}

package io.kubeclaw.controllers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Optional<Instant> next(String expression, String after, ZoneId zone) {
        return CronExpression.parse(expression).next(Instant.parse(after), zone).map(ZonedDateTime::toInstant);
    }

    // 2024-07-09 is a Tuesday.
    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource(delimiter = '|', textBlock = """
            * * * * *            | 2024-07-09T14:45:00Z    | 2024-07-09T14:46:00Z
            */15 * * * *         | 2024-07-09T14:45:00Z    | 2024-07-09T15:00:00Z
            */15 * * * *         | 2024-07-09T14:59:59.5Z  | 2024-07-09T15:00:00Z
            20-35/15 * * * *     | 2024-07-09T15:45:00Z    | 2024-07-09T16:20:00Z
            5/20 * * * *         | 2024-07-09T15:46:00Z    | 2024-07-09T16:05:00Z
            0,30 9-17/4 * * *    | 2024-07-09T13:30:00Z    | 2024-07-09T17:00:00Z
            00 09 * * *          | 2024-07-09T09:00:00Z    | 2024-07-10T09:00:00Z
            0  9 *  * *          | 2024-07-09T08:00:00Z    | 2024-07-09T09:00:00Z
            0 9 * * 1-5          | 2024-07-12T09:00:00Z    | 2024-07-15T09:00:00Z
            0 9 * * MON-fri      | 2024-07-12T09:00:00Z    | 2024-07-15T09:00:00Z
            0 9 * * mon,Wed      | 2024-07-09T09:00:00Z    | 2024-07-10T09:00:00Z
            0 0 * * 0            | 2024-07-09T00:00:00Z    | 2024-07-14T00:00:00Z
            0 0 * * 7            | 2024-07-09T00:00:00Z    | 2024-07-14T00:00:00Z
            0 0 * * sun          | 2024-07-09T00:00:00Z    | 2024-07-14T00:00:00Z
            0 0 * * 6-7          | 2024-07-09T00:00:00Z    | 2024-07-13T00:00:00Z
            0 0 * * */2          | 2024-07-09T00:00:00Z    | 2024-07-11T00:00:00Z
            0 0 1 jan,JUL *      | 2024-07-09T00:00:00Z    | 2025-01-01T00:00:00Z
            0 0 1 feb-apr/2 *    | 2024-07-09T00:00:00Z    | 2025-02-01T00:00:00Z
            # Both day fields restricted: either matches. A bare * in one: both must (so only the 15th, only Sundays).
            0 0 1,15 * sun       | 2024-07-09T00:00:00Z    | 2024-07-14T00:00:00Z
            0 0 13 * 5           | 2024-07-09T00:00:00Z    | 2024-07-12T00:00:00Z
            0 0 1,15 * *         | 2024-07-09T00:00:00Z    | 2024-07-15T00:00:00Z
            0 0 * 8 sun          | 2024-07-09T00:00:00Z    | 2024-08-04T00:00:00Z
            # As in robfig/cron, a stepped star restricts: the 11th, not the 21st (the first Sunday among 1, 11, 21, 31).
            0 0 */10 * sun       | 2024-07-09T00:00:00Z    | 2024-07-11T00:00:00Z
            0 0 31 * *           | 2024-04-01T00:00:00Z    | 2024-05-31T00:00:00Z
            59 23 31 12 *        | 2024-12-31T23:59:00Z    | 2025-12-31T23:59:00Z
            0 0 29 2 *           | 2024-03-01T00:00:00Z    | 2028-02-29T00:00:00Z
            0 0 29 2 *           | 2096-03-01T00:00:00Z    | 2104-02-29T00:00:00Z
            @hourly              | 2024-07-09T14:00:00Z    | 2024-07-09T15:00:00Z
            @daily               | 2024-07-09T14:00:00Z    | 2024-07-10T00:00:00Z
            @midnight            | 2024-07-09T14:00:00Z    | 2024-07-10T00:00:00Z
            @weekly              | 2024-07-09T14:00:00Z    | 2024-07-14T00:00:00Z
            @monthly             | 2024-07-09T14:00:00Z    | 2024-08-01T00:00:00Z
            @yearly              | 2024-07-09T14:00:00Z    | 2025-01-01T00:00:00Z
            @annually            | 2024-07-09T14:00:00Z    | 2025-01-01T00:00:00Z
            """)
    void nextFiringInUtc(String expression, String after, String expected) {
        assertThat(next(expression, after, ZoneOffset.UTC)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            61 * * * *       | minute field: "61" is outside 0-59
            * 24 * * *       | hour field: "24" is outside 0-23
            * * 0 * *        | day-of-month field: "0" is outside 1-31
            * * * 13 *       | month field: "13" is outside 1-12
            * * * foo *      | month field: "foo" is not a number or a name such as jan
            * * * * 8        | day-of-week field: "8" is outside 0-7
            * * * * fri-mon  | day-of-week field: "fri-mon" runs backwards
            x * * * *        | minute field: "x" is not a number
            */0 * * * *      | minute field: "*/0" has step "0"
            1-2-3 * * * *    | minute field: "1-2-3" has more than one "-"
            1/2/3 * * * *    | minute field: "1/2/3" has more than one "/"
            1,,2 * * * *     | minute field: "" is an empty list item
            * * * *          | expected 5 fields (minute hour day-of-month month day-of-week), found 4
            * * * * * *      | found 6
            @every 5m        | "@every 5m" is not a macro
            @DAILY           | "@DAILY" is not a macro
            """)
    void refusesWithTheFieldAndToken(String expression, String message) {
        assertThatThrownBy(() -> CronExpression.parse(expression)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void refusesAnEmptySchedule() {
        assertThatThrownBy(() -> CronExpression.parse(" ")).hasMessageContaining("the schedule is empty");
        assertThatThrownBy(() -> CronExpression.parse(null)).hasMessageContaining("the schedule is empty");
    }

    @Test
    void nextIsStrictlyAfter() {
        assertThat(next("0 9 * * *", "2024-07-09T09:00:00Z", ZoneOffset.UTC)).contains(Instant.parse("2024-07-10T09:00:00Z"));
        assertThat(next("0 9 * * *", "2024-07-09T08:59:59.999Z", ZoneOffset.UTC)).contains(Instant.parse("2024-07-09T09:00:00Z"));
    }

    @Test
    void readsWallClockTimeInTheZone() {
        assertThat(next("0 9 * * 1-5", "2024-01-08T00:00:00Z", BERLIN)).contains(Instant.parse("2024-01-08T08:00:00Z"));
        assertThat(next("0 9 * * 1-5", "2024-07-08T00:00:00Z", BERLIN)).contains(Instant.parse("2024-07-08T07:00:00Z"));
        // Just before midnight UTC it is already the next day in Berlin.
        assertThat(next("30 0 * * 0", "2024-07-13T22:00:00Z", BERLIN)).contains(Instant.parse("2024-07-13T22:30:00Z"));
    }

    @Test
    void aWallTimeClocksSpringPastIsSkippedThatDay() {
        // Berlin, 2024-03-31: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist.
        assertThat(next("30 2 * * *", "2024-03-30T03:00:00Z", BERLIN)).contains(Instant.parse("2024-04-01T00:30:00Z"));
        assertThat(next("30 3 * * *", "2024-03-30T03:00:00Z", BERLIN)).contains(Instant.parse("2024-03-31T01:30:00Z"));
        assertThat(CronExpression.parse("0,30 * * * *").firings(Instant.parse("2024-03-31T00:00:00Z"), BERLIN).limit(3).map(ZonedDateTime::toInstant))
                .containsExactly(Instant.parse("2024-03-31T00:30:00Z"), Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-03-31T01:30:00Z"));
    }

    @Test
    void aWallTimeClocksFallBackOverFiresOnce() {
        // Berlin, 2024-10-27: 03:00 CEST falls back to 02:00 CET, so 02:00-02:59 happens twice.
        assertThat(next("30 2 * * *", "2024-10-26T12:00:00Z", BERLIN)).contains(Instant.parse("2024-10-27T00:30:00Z"));
        assertThat(next("30 2 * * *", "2024-10-27T00:30:00Z", BERLIN)).contains(Instant.parse("2024-10-28T01:30:00Z"));
        // Asked during the second 02:xx, a 02:45 run already happened in the first.
        assertThat(next("45 2 * * *", "2024-10-27T01:15:00Z", BERLIN)).contains(Instant.parse("2024-10-28T01:45:00Z"));
        assertThat(CronExpression.parse("*/30 * * * *").firings(Instant.parse("2024-10-26T23:00:00Z"), BERLIN).limit(4).map(ZonedDateTime::toInstant))
                .containsExactly(Instant.parse("2024-10-26T23:30:00Z"), Instant.parse("2024-10-27T00:00:00Z"),
                        Instant.parse("2024-10-27T00:30:00Z"), Instant.parse("2024-10-27T02:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 31 feb *"})
    void anExpressionThatNeverFiresHasNoNextTime(String expression) {
        assertThat(next(expression, "2024-07-09T00:00:00Z", ZoneOffset.UTC)).isEmpty();
        assertThat(CronExpression.parse(expression).latest(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2024-07-09T00:00:00Z"), ZoneOffset.UTC))
                .isEmpty();
    }

    @Test
    void latestIsTheLastFiringInTheIntervalIncludingItsEnd() {
        CronExpression hourly = CronExpression.parse("0 * * * *");
        Instant yearsAgo = Instant.parse("2019-01-01T00:00:00Z");

        assertThat(hourly.latest(yearsAgo, Instant.parse("2024-07-09T14:30:00Z"), ZoneOffset.UTC).map(ZonedDateTime::toInstant))
                .contains(Instant.parse("2024-07-09T14:00:00Z"));
        assertThat(hourly.latest(yearsAgo, Instant.parse("2024-07-09T14:00:00Z"), ZoneOffset.UTC).map(ZonedDateTime::toInstant))
                .contains(Instant.parse("2024-07-09T14:00:00Z"));
        assertThat(hourly.latest(Instant.parse("2024-07-09T14:00:00Z"), Instant.parse("2024-07-09T14:59:00Z"), ZoneOffset.UTC)).isEmpty();
        assertThat(CronExpression.parse("0 0 29 2 *").latest(yearsAgo, Instant.parse("2024-07-09T00:00:00Z"), ZoneOffset.UTC)
                .map(ZonedDateTime::toInstant)).contains(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void keepsTheTextItWasParsedFrom() {
        assertThat(CronExpression.parse("@daily")).hasToString("@daily");
    }
}

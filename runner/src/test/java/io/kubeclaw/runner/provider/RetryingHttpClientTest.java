package io.kubeclaw.runner.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryingHttpClientTest {

    @ParameterizedTest
    @CsvSource({
            "1,     1000",
            "0,     0",
            "1.5,   1500",
            "' 2 ', 2000",
            "120,   120000",
            "0.001, 1",
            // A negative wait is no wait.
            "-3,    0",
    })
    void retryAfterInSecondsIsThatLong(String value, long millis) {
        assertThat(RetryingHttpClient.parseRetryAfter(value)).contains(Duration.ofMillis(millis));
    }

    @Test
    void retryAfterAsAFutureHttpDateIsTheTimeUntilThen() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));

        // The date has whole seconds, and a slow machine may take a moment between formatting and parsing.
        assertThat(RetryingHttpClient.parseRetryAfter(inTwoMinutes)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wed, 21 Oct 2015 07:28:00 GMT", "Thu, 1 Jan 1970 00:00:00 GMT"})
    void retryAfterAsAPastHttpDateIsNoWait(String value) {
        assertThat(RetryingHttpClient.parseRetryAfter(value)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "1s", "2024-01-01T00:00:00Z", "Wed, 21 Oct 2015", "Wed, 21 Oct 2015 07:28:00 XYZ"})
    void anUnreadableRetryAfterIsEmpty(String value) {
        assertThat(RetryingHttpClient.parseRetryAfter(value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "1,   1000",
            "2,   2000",
            "3,   4000",
            "4,   8000",
            "5,   16000",
            "6,   30000",
            "7,   30000",
            // The shift is bounded, so a huge attempt count does not overflow into a short wait.
            "64,  30000",
            "1000, 30000",
    })
    void theBackoffDoublesAfterEachFailureUpToTheLongestWait(int failedAttempts, long millis) {
        assertThat(RetryPolicy.DEFAULT.backoff(failedAttempts)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({
            "1, 250",
            "2, 500",
            "3, 700",
    })
    void theBackoffFollowsThePolicysOwnDelays(int failedAttempts, long millis) {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofMillis(700));

        assertThat(policy.backoff(failedAttempts)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({
            "429, true",
            "500, true",
            "502, true",
            "503, true",
            "504, true",
            "529, true",
            "200, false",
            "400, false",
            "401, false",
            "403, false",
            "404, false",
            "408, false",
            "413, false",
            "501, false",
            "505, false",
    })
    void onlyRateLimitsAndTransientServerErrorsAreRetried(int status, boolean retriable) {
        assertThat(RetryPolicy.retriable(status)).isEqualTo(retriable);
    }
}

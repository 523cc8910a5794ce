package io.kubeclaw.api.v1alpha1.schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cron expression as Java reads it; RE2 (which the apiserver's CEL uses) agrees on this syntax, and
 * CrdValidationIT checks the same cases end to end.
 */
class CronSyntaxTest {

    private static final Pattern CRON = Pattern.compile(CronSyntax.PATTERN);

    @ParameterizedTest
    @ValueSource(strings = {
            "* * * * *", "0 9 * * 1-5", "*/15 * * * *", "0 0 1 1 *", "30 8,12,18 * * mon-fri",
            "0 9 * JAN-MAR SUN", "5-55/10 0-23/2 1,15 */3 0", "59 23 31 12 7", "0 9  * * 1",
            "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"})
    void accepts(String schedule) {
        assertThat(CRON.matcher(schedule).matches()).as(schedule).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "every day", "* * * *", "* * * * * *", "60 * * * *", "0 24 * * *", "0 0 0 * *", "0 0 32 * *",
            "0 0 * 13 *", "0 0 * * 8", "0 0 * * funday", "@every 5m", "@reboot", "*/ * * * *", "1- * * * *",
            " 0 9 * * 1", "0 9 * * 1 ", "0,,5 * * * *"})
    void rejects(String schedule) {
        assertThat(CRON.matcher(schedule).matches()).as(schedule).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\", "'"})
    void embedsInACelStringLiteralVerbatim(String forbidden) {
        assertThat(CronSyntax.PATTERN).doesNotContain(forbidden);
    }
}

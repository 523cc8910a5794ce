package io.kubeclaw.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LatencyPercentilesTest {

    @ParameterizedTest(name = "1..{0} -> p50 {1}, p90 {2}, p99 {3}")
    @CsvSource({
            "1,   1,   1,   1",
            "2,   1,   2,   2",
            "10,  5,   9,   10",
            "100, 50,  90,  99",
            "200, 100, 180, 198",
            "201, 101, 181, 199",
    })
    void nearestRankOfTheValuesOneToN(int n, long p50, long p90, long p99) {
        long[] shuffled = LongStream.rangeClosed(1, n).map(i -> (i * 7919) % n + 1).toArray();

        LatencyPercentiles percentiles = LatencyPercentiles.of(shuffled);

        assertThat(percentiles).isEqualTo(new LatencyPercentiles(p50, p90, p99, n, n));
    }

    @Test
    void noLatenciesIsAnError() {
        assertThatThrownBy(() -> LatencyPercentiles.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.kubeclaw.rest.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.kubeclaw.rest.problem.ProblemException;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogFollowLimitsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void streamsTheLogToItsEndAndGivesTheSlotBack() throws IOException {
        LogFollowLimits limits = new LogFollowLimits(1, Duration.ofMinutes(1), scheduler);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        limits.follow("alice", () -> watchOf(new ByteArrayInputStream("step 1\nstep 2\n".getBytes(StandardCharsets.UTF_8)))).write(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("step 1\nstep 2\n");
        assertThat(limits.available()).isEqualTo(1);
    }

    @Test
    void refusesBeyondTheMaximumPointingAtTheWebSocketAndTakesFollowersAgainOnceOneEnds() throws IOException {
        LogFollowLimits limits = new LogFollowLimits(1, Duration.ofMinutes(1), scheduler);
        StreamingOutput first = limits.follow("alice", () -> watchOf(new ByteArrayInputStream(new byte[0])));

        assertThatThrownBy(() -> limits.follow("bob", () -> watchOf(new ByteArrayInputStream(new byte[0]))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(503);
                    assertThat(e.problem().detail()).isEqualTo("1 logs are being followed already (kubeclaw.api.log-follow.max-streams): "
                            + "follow this one over the WebSocket (/ws, {\"subscribe\": \"logs\", ...}) or try again later");
                });

        first.write(new ByteArrayOutputStream());
        assertThat(limits.available()).isEqualTo(1);
    }

    @Test
    void oneUserHoldsAtMostAQuarterOfTheSlotsSoOthersStillGetOne() throws IOException {
        LogFollowLimits limits = new LogFollowLimits(8, Duration.ofMinutes(1), scheduler);
        StreamingOutput first = limits.follow("mallory", () -> watchOf(new ByteArrayInputStream(new byte[0])));
        limits.follow("mallory", () -> watchOf(new ByteArrayInputStream(new byte[0])));

        assertThatThrownBy(() -> limits.follow("mallory", () -> watchOf(new ByteArrayInputStream(new byte[0]))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail())
                        .startsWith("user \"mallory\" follows 2 logs already, the most one user may (a quarter of kubeclaw.api.log-follow.max-streams)"));
        assertThat(limits.available()).isEqualTo(6);
        limits.follow("alice", () -> watchOf(new ByteArrayInputStream(new byte[0])));
        assertThat(limits.available()).isEqualTo(5);

        first.write(new ByteArrayOutputStream());
        limits.follow("mallory", () -> watchOf(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void aQuietLogIsClosedAfterTheMaximumDurationSoItsThreadIsFreed() throws IOException {
        LogFollowLimits limits = new LogFollowLimits(2, Duration.ofMillis(200), scheduler);
        PipedOutputStream agent = new PipedOutputStream();
        PipedInputStream quiet = new PipedInputStream(agent);
        agent.write("started\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamingOutput stream = limits.follow("alice", () -> watchOf(quiet, agent));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> stream.write(out));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("started\n");
        assertThat(limits.available()).isEqualTo(2);
    }

    @Test
    void refusesLimitsThatCouldNeverServe() {
        assertThatThrownBy(() -> new LogFollowLimits(0, Duration.ofMinutes(1), scheduler))
                .hasMessage("kubeclaw.api.log-follow.max-streams must be at least 1 and kubeclaw.api.log-follow.max-duration longer than zero, "
                        + "not 0 and PT1M");
    }

    private static LogWatch watchOf(InputStream output) {
        return watchOf(output, output);
    }

    /** A log watch as fabric8 gives one: closing it ends the stream ({@code closes}, the writing end of a pipe). */
    private static LogWatch watchOf(InputStream output, Closeable closes) {
        CompletableFuture<Throwable> closed = new CompletableFuture<>();
        return new LogWatch() {
            @Override
            public InputStream getOutput() {
                return output;
            }

            @Override
            public CompletionStage<Throwable> onClose() {
                return closed;
            }

            @Override
            public void close() {
                try {
                    closes.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                closed.complete(null);
            }
        };
    }
}

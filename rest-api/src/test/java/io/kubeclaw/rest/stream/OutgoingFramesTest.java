package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutgoingFramesTest {

    /** A client's socket whose sends complete only when the test says so, as a slow reader's would. */
    private static final class HeldSends implements OutgoingFrames.Transport {
        final List<String> texts = new ArrayList<>();
        final ArrayDeque<Consumer<Throwable>> pending = new ArrayDeque<>();

        @Override
        public void send(String text, Consumer<Throwable> whenDone) {
            texts.add(text);
            pending.add(whenDone);
        }

        void completeOne() {
            pending.poll().accept(null);
        }
    }

    private final List<Frame> sent = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    @Test
    void oneFrameIsInFlightAtATimeAndTheRestGoOutInOrder() {
        HeldSends socket = new HeldSends();
        OutgoingFrames out = new OutgoingFrames(10, 1_000_000, socket, sent::add, failures::add);

        out.offer(log("1"));
        out.offer(log("2"));
        out.offer(log("3"));
        assertThat(socket.texts).hasSize(1);
        assertThat(out.queuedFrames()).isEqualTo(2);

        socket.completeOne();
        socket.completeOne();
        socket.completeOne();
        assertThat(socket.texts).containsExactly(log("1").toJson(), log("2").toJson(), log("3").toJson());
        assertThat(sent).extracting(frame -> frame.data().get("line").asText()).containsExactly("1", "2", "3");
        assertThat(out.queuedFrames()).isZero();
    }

    @Test
    void aClientThatDoesNotReadFillsTheQueueToItsLimitAndNoFurther() {
        HeldSends socket = new HeldSends();
        OutgoingFrames out = new OutgoingFrames(3, 1_000_000, socket, sent::add, failures::add);

        List<OutgoingFrames.Offer> offers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            offers.add(out.offer(log(Integer.toString(i))));
        }

        // One in flight, three waiting, the rest refused: what waits never exceeds the limit.
        assertThat(offers).startsWith(OutgoingFrames.Offer.QUEUED, OutgoingFrames.Offer.QUEUED, OutgoingFrames.Offer.QUEUED, OutgoingFrames.Offer.QUEUED)
                .endsWith(OutgoingFrames.Offer.FULL);
        assertThat(offers.subList(4, 10)).containsOnly(OutgoingFrames.Offer.FULL);
        assertThat(out.queuedFrames()).isEqualTo(3);
    }

    @Test
    void theTextWaitingIsBoundedTooSoAFewHugeFramesCannotPileUp() {
        HeldSends socket = new HeldSends();
        Frame big = log("x".repeat(60));
        int size = big.toJson().length();
        OutgoingFrames out = new OutgoingFrames(1000, 2L * size + 10, socket, sent::add, failures::add);

        assertThat(List.of(out.offer(big), out.offer(big), out.offer(big), out.offer(big))).containsExactly(
                OutgoingFrames.Offer.QUEUED, OutgoingFrames.Offer.QUEUED, OutgoingFrames.Offer.QUEUED, OutgoingFrames.Offer.FULL);
        assertThat(out.queuedChars()).isEqualTo(2L * size);
    }

    @Test
    void closingDropsWhatWaitsAndRefusesWhatComes() {
        HeldSends socket = new HeldSends();
        OutgoingFrames out = new OutgoingFrames(10, 1_000_000, socket, sent::add, failures::add);
        out.offer(log("1"));
        out.offer(log("2"));

        out.close();
        socket.completeOne();

        assertThat(out.offer(log("3"))).isEqualTo(OutgoingFrames.Offer.CLOSED);
        assertThat(out.queuedFrames()).isZero();
        assertThat(socket.texts).hasSize(1);
    }

    @Test
    void sendsThatCompleteAtOnceDrainTheQueueWithoutRecursing() {
        List<String> texts = new ArrayList<>();
        int[] depth = {0, 0};
        OutgoingFrames.Transport immediate = (text, whenDone) -> {
            depth[0]++;
            depth[1] = Math.max(depth[1], depth[0]);
            texts.add(text);
            whenDone.accept(null);
            depth[0]--;
        };
        OutgoingFrames out = new OutgoingFrames(100_000, Long.MAX_VALUE, immediate, sent::add, failures::add);

        for (int i = 0; i < 50_000; i++) {
            out.offer(log(Integer.toString(i)));
        }

        assertThat(texts).hasSize(50_000);
        assertThat(depth[1]).isEqualTo(1);
    }

    @Test
    void aFailedSendStopsTheQueueAndIsReported() {
        HeldSends socket = new HeldSends();
        OutgoingFrames out = new OutgoingFrames(10, 1_000_000, socket, sent::add, failures::add);
        out.offer(log("1"));
        out.offer(log("2"));

        socket.pending.poll().accept(new IOException("Broken pipe"));

        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("Broken pipe");
        assertThat(sent).isEmpty();
        assertThat(out.offer(log("3"))).isEqualTo(OutgoingFrames.Offer.CLOSED);
        assertThat(socket.texts).hasSize(1);
    }

    private static Frame log(String line) {
        return Frame.log(Topic.logs("team-a", "r1"), line);
    }
}

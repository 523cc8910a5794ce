package io.kubeclaw.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.bus.EventSubjects.RunTopic;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.events.ToolCallEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunEventFramesTest {

    @Test
    void aRunEventIsAFrameWhoseIdIsItsStreamSequence() {
        byte[] payload = EventJson.write(new ToolCallEvent(ToolCallEvent.VERSION, "c1", "kubectl", true, "3 pods", 120)).getBytes(StandardCharsets.UTF_8);

        Frame frame = RunEventFrames.of(42, EventSubjects.run("team.a", "sre", "run.1", RunTopic.TOOL), payload).orElseThrow();

        assertThat(frame.toJson()).isEqualTo("{\"id\":\"42\",\"type\":\"event\",\"namespace\":\"team.a\",\"name\":\"run.1\",\"data\":{"
                + "\"instance\":\"sre\",\"topic\":\"tool\",\"payload\":{\"version\":1,\"callId\":\"c1\",\"tool\":\"kubectl\",\"ok\":true,"
                + "\"summary\":\"3 pods\",\"durationMillis\":120}}}");
    }

    @Test
    void aPayloadThatIsNotJsonIsPassedOnAsText() {
        Frame frame = RunEventFrames.of(7, EventSubjects.run("a", "sre", "r", RunTopic.EVENT), "half {".getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(frame.data().get("payload").asText()).isEqualTo("half {");
    }

    @Test
    void messagesToARunAndOtherSubjectsAreNotRunEvents() {
        assertThat(RunEventFrames.of(1, EventSubjects.run("a", "sre", "r", RunTopic.INBOUND), "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(RunEventFrames.of(1, EventSubjects.scheduleRequest("a", "sre"), "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}

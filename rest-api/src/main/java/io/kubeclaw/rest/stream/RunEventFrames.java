package io.kubeclaw.rest.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeclaw.api.bus.EventSubjects;
import io.kubeclaw.api.bus.EventSubjects.RunSubject;
import io.kubeclaw.api.bus.EventSubjects.RunTopic;
import io.kubeclaw.rest.json.JacksonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Run events from the bus as frames. The frame id is the message's sequence in the KUBECLAW_RUNS stream, which
 * only grows, so a client resumes after the last id it has. Messages to a run (inbound) are not events of it.
 */
final class RunEventFrames {

    private RunEventFrames() {
    }

    /** {@code data}: instance, topic (event, tool, result) and the payload as published (JSON, else text). */
    static Optional<Frame> of(long streamSequence, String subject, byte[] payload) {
        RunSubject run = EventSubjects.parseRun(subject);
        if (run == null || run.topic() == RunTopic.INBOUND) {
            return Optional.empty();
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("instance", run.instance());
        data.put("topic", run.topic().token());
        data.set("payload", payload(payload));
        return Optional.of(new Frame(Long.toString(streamSequence), Frame.EVENT, run.namespace(), run.run(), data));
    }

    private static JsonNode payload(byte[] payload) {
        String text = payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
        try {
            JsonNode json = JacksonJson.MAPPER.readTree(text);
            if (json != null && json.isContainerNode()) {
                return json;
            }
        } catch (IOException e) {
            // Not JSON: passed on as text below.
        }
        return JsonNodeFactory.instance.textNode(text);
    }
}

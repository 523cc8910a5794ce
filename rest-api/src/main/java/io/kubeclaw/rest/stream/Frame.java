package io.kubeclaw.rest.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeclaw.rest.json.JacksonJson;

/**
 * One message from the server to a client: {@code {"id", "type", "namespace", "name", "data"}}. Only run events
 * carry an {@code id} (their JetStream sequence), the point a client resumes from.
 */
record Frame(String id, String type, String namespace, String name, ObjectNode data) {

    static final String SUBSCRIBED = "subscribed";
    static final String UNSUBSCRIBED = "unsubscribed";
    static final String ENDED = "ended";
    static final String ERROR = "error";
    static final String PHASE = "phase";
    static final String PHASES = "phases";
    static final String EVENT = "event";
    static final String LOG = "log";
    static final String RESOURCE = "resource";
    static final String RESOURCES = "resources";

    /** The subscription a frame is about, named as the client named it. */
    static Frame about(String type, Topic topic) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (topic == null) {
            return new Frame(null, type, null, null, data);
        }
        data.put("subscribe", topic.feed().wireName());
        if (topic.kind() != null) {
            data.put("kind", topic.kind().wireName());
        }
        return new Frame(null, type, topic.namespace(), topic.run(), data);
    }

    static Frame error(Topic topic, String message) {
        Frame frame = about(ERROR, topic);
        frame.data().put("message", message);
        return frame;
    }

    static Frame subscribed(Topic topic) {
        return about(SUBSCRIBED, topic);
    }

    static Frame ended(Topic topic, String reason) {
        Frame frame = about(ENDED, topic);
        frame.data().put("reason", reason);
        return frame;
    }

    static Frame log(Topic topic, String line) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("line", line);
        return new Frame(null, LOG, topic.namespace(), topic.run(), data);
    }

    String toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        putUnlessNull(json, "id", id);
        json.put("type", type);
        putUnlessNull(json, "namespace", namespace);
        putUnlessNull(json, "name", name);
        json.set("data", data);
        try {
            return JacksonJson.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame is always serialisable", e);
        }
    }

    private static void putUnlessNull(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}

package io.kubeclaw.rest.stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubeclaw.api.objects.KubernetesNames;
import io.kubeclaw.rest.json.JacksonJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a client sends: {@code {"subscribe": "runs", "namespace": "team-a", "after": "42"}} and the like. Every
 * mistake is answered with what to send instead; names are checked to be Kubernetes names, so none can widen a
 * NATS subject filter or a review to something the client did not ask about.
 */
final class ClientMessages {

    /** Longer messages are refused by the container: a subscription is a few dozen bytes. */
    static final int MAX_LENGTH = 4096;

    private static final Pattern EVENT_ID = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Set<String> FIELDS = Set.of("subscribe", "unsubscribe", "namespace", "kind", "run", "after", "tailLines");
    private static final String SHAPE = "send {\"subscribe\": \"" + Feed.RUNS.wireName() + "\", \"namespace\": \"<namespace>\"} "
            + "(or \"unsubscribe\" with the same fields)";

    /** A message that cannot be acted on; its text says why and what to send. */
    static final class InvalidMessage extends IllegalArgumentException {
        InvalidMessage(String message) {
            super(message);
        }
    }

    private ClientMessages() {
    }

    static ClientMessage parse(String text) {
        JsonNode message;
        try {
            message = JacksonJson.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidMessage("the message is not JSON (" + e.getOriginalMessage() + "): " + SHAPE);
        }
        if (message == null || !message.isObject()) {
            throw new InvalidMessage("the message is not a JSON object: " + SHAPE);
        }
        List<String> unknown = new ArrayList<>();
        message.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidMessage("unknown field \"" + unknown.getFirst() + "\": a message has subscribe or unsubscribe, namespace, "
                    + "kind (resources), run (logs), after (runs) and tailLines (logs)");
        }
        boolean subscribe = message.has("subscribe");
        if (subscribe == message.has("unsubscribe")) {
            throw new InvalidMessage("a message has either \"subscribe\" or \"unsubscribe\": " + SHAPE);
        }
        String verb = subscribe ? "subscribe" : "unsubscribe";
        String feedName = text(message, verb);
        Feed feed = Feed.named(feedName).orElseThrow(() -> new InvalidMessage("there is no feed \"" + feedName + "\" to " + verb
                + " to: use one of " + Feed.names()));
        Topic topic = topic(feed, message);
        if (!subscribe) {
            refuseUnless(message, "after", false, feed);
            refuseUnless(message, "tailLines", false, feed);
            return new ClientMessage.Unsubscribe(topic);
        }
        refuseUnless(message, "after", feed == Feed.RUNS, feed);
        refuseUnless(message, "tailLines", feed == Feed.LOGS, feed);
        return new ClientMessage.Subscribe(topic, after(message), tailLines(message));
    }

    private static Topic topic(Feed feed, JsonNode message) {
        String namespace = text(message, "namespace");
        if (namespace == null) {
            throw new InvalidMessage("\"namespace\" is required: which namespace's " + feed.wireName() + " to follow");
        }
        KubernetesNames.namespaceProblem(namespace).ifPresent(problem -> {
            throw new InvalidMessage(problem);
        });
        refuseUnless(message, "kind", feed == Feed.RESOURCES, feed);
        refuseUnless(message, "run", feed == Feed.LOGS, feed);
        return switch (feed) {
            case RUNS -> Topic.runs(namespace);
            case RESOURCES -> {
                String kindName = text(message, "kind");
                if (kindName == null) {
                    throw new InvalidMessage("\"kind\" is required for resources: one of " + ResourceKind.names());
                }
                yield Topic.resources(namespace, ResourceKind.named(kindName).orElseThrow(() ->
                        new InvalidMessage("there is no kind \"" + kindName + "\": use one of " + ResourceKind.names())));
            }
            case LOGS -> {
                String run = text(message, "run");
                if (run == null) {
                    throw new InvalidMessage("\"run\" is required for logs: the name of the run whose log to follow");
                }
                KubernetesNames.objectNameProblem("run", run).ifPresent(problem -> {
                    throw new InvalidMessage(problem);
                });
                yield Topic.logs(namespace, run);
            }
        };
    }

    private static Long after(JsonNode message) {
        JsonNode after = message.get("after");
        if (after == null || after.isNull()) {
            return null;
        }
        String id = after.isIntegralNumber() || after.isTextual() ? after.asText() : "";
        if (!EVENT_ID.matcher(id).matches()) {
            throw new InvalidMessage("\"after\" is the id of the last event received, such as \"42\", not " + after);
        }
        return Long.parseLong(id);
    }

    private static Integer tailLines(JsonNode message) {
        JsonNode lines = message.get("tailLines");
        if (lines == null || lines.isNull()) {
            return null;
        }
        if (!lines.canConvertToInt() || !lines.isIntegralNumber() || lines.intValue() < 0) {
            throw new InvalidMessage("\"tailLines\" is a number of lines, 0 or more, not " + lines);
        }
        return lines.intValue();
    }

    private static void refuseUnless(JsonNode message, String field, boolean allowed, Feed feed) {
        if (!allowed && message.has(field)) {
            throw new InvalidMessage("\"" + field + "\" does not apply to " + feed.wireName());
        }
    }

    private static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidMessage("\"" + field + "\" is a string, not " + value);
        }
        return value.asText();
    }
}

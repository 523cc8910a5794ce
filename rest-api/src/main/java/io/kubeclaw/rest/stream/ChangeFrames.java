package io.kubeclaw.rest.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.rest.json.JacksonJson;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The frames that resources and their changes become: the object itself for resources, the phase alone for runs.
 * What exists when a client subscribes is one frame, however many objects, so it never counts as many queued frames.
 */
final class ChangeFrames {

    private ChangeFrames() {
    }

    /** {@code data}: kind, action (added, modified, deleted) and the object as kubectl would show it. */
    static Frame resource(ResourceKind kind, Change change) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("kind", kind.wireName());
        data.put("action", change.action().wireName());
        data.set("object", JacksonJson.MAPPER.valueToTree(change.object()));
        return new Frame(null, Frame.RESOURCE, change.object().getMetadata().getNamespace(), change.object().getMetadata().getName(), data);
    }

    /** The objects of a kind in a namespace when the client subscribed: {@code data}: kind and items. */
    static Frame resources(ResourceKind kind, String namespace, List<? extends HasMetadata> objects) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("kind", kind.wireName());
        ArrayNode items = data.putArray("items");
        objects.forEach(object -> items.add(JacksonJson.MAPPER.<JsonNode>valueToTree(object)));
        return new Frame(null, Frame.RESOURCES, namespace, null, data);
    }

    /** The phase of each run in a namespace when the client subscribed: {@code data.phases}, by run name (null: none yet). */
    static Frame phases(String namespace, List<? extends HasMetadata> runs) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ObjectNode phases = data.putObject("phases");
        runs.forEach(run -> {
            AgentRunPhase phase = phaseOf((AgentRun) run);
            phases.set(run.getMetadata().getName(), phase == null ? JsonNodeFactory.instance.nullNode() : JacksonJson.MAPPER.valueToTree(phase));
        });
        return new Frame(null, Frame.PHASES, namespace, null, data);
    }

    /**
     * A run's phase when it appears, changes or the run is deleted; nothing for changes that leave the phase as it
     * was. {@code data}: phase (absent until the controller set one), previous, deleted.
     */
    static Optional<Frame> phase(Change change) {
        AgentRun run = (AgentRun) change.object();
        AgentRunPhase phase = phaseOf(run);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        putPhase(data, "phase", phase);
        switch (change.action()) {
            case MODIFIED -> {
                AgentRunPhase previous = phaseOf((AgentRun) change.before());
                if (Objects.equals(previous, phase)) {
                    return Optional.empty();
                }
                putPhase(data, "previous", previous);
            }
            case DELETED -> data.put("deleted", true);
            case ADDED -> {
            }
        }
        return Optional.of(new Frame(null, Frame.PHASE, run.getMetadata().getNamespace(), run.getMetadata().getName(), data));
    }

    private static AgentRunPhase phaseOf(AgentRun run) {
        return run == null || run.getStatus() == null ? null : run.getStatus().getPhase();
    }

    private static void putPhase(ObjectNode data, String field, AgentRunPhase phase) {
        if (phase != null) {
            JsonNode wire = JacksonJson.MAPPER.valueToTree(phase);
            data.set(field, wire);
        }
    }
}

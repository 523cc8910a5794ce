package io.kubeclaw.controllers.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place status conditions are set. Every condition carries the generation it was computed
 * for; its lastTransitionTime moves only when its status or message changes, so a reconcile that
 * finds nothing new leaves the conditions byte-for-byte as they were and {@link #changed()} false.
 */
public final class ConditionAggregator {

    private final Map<String, Condition> byType = new LinkedHashMap<>();
    private final Set<String> statusChanged = new HashSet<>();
    private final long generation;
    private final Instant now;
    private boolean changed;

    public ConditionAggregator(List<Condition> existing, Long generation, Clock clock) {
        if (existing != null) {
            existing.forEach(condition -> byType.put(condition.getType(), condition));
        }
        this.generation = generation == null ? 0 : generation;
        this.now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Sets condition {@code type} to {@code status} with a PascalCase {@code reason} and a message a user can act on. */
    public ConditionAggregator set(String type, boolean status, String reason, String message) {
        Condition previous = byType.get(type);
        String value = status ? "True" : "False";
        if (previous != null && value.equals(previous.getStatus()) && Objects.equals(reason, previous.getReason())
                && Objects.equals(message, previous.getMessage()) && Objects.equals(generation, previous.getObservedGeneration())) {
            return this;
        }
        if (previous == null || !value.equals(previous.getStatus())) {
            statusChanged.add(type);
        }
        boolean transition = previous == null || !value.equals(previous.getStatus()) || !Objects.equals(message, previous.getMessage());
        byType.put(type, new ConditionBuilder()
                .withType(type)
                .withStatus(value)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition ? now.toString() : previous.getLastTransitionTime())
                .build());
        changed = true;
        return this;
    }

    /** Whether condition {@code type} is set and True. */
    public boolean isTrue(String type) {
        Condition condition = byType.get(type);
        return condition != null && "True".equals(condition.getStatus());
    }

    /** Whether this aggregator set condition {@code type} for the first time or flipped its status: worth an Event. */
    public boolean statusChanged(String type) {
        return statusChanged.contains(type);
    }

    public boolean changed() {
        return changed;
    }

    public List<Condition> conditions() {
        return new ArrayList<>(byType.values());
    }
}

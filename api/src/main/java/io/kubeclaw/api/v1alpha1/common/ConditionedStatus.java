package io.kubeclaw.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.List;

/** The part every kubeclaw.io status shares, so one condition aggregator can serve all five kinds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ConditionedStatus {

    @JsonPropertyDescription("The metadata.generation this status was computed from. Lower than metadata.generation while a change is being processed.")
    private Long observedGeneration;

    @JsonPropertyDescription("Standard conditions (Accepted, Ready, ...) with their reasons and messages.")
    private List<Condition> conditions;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}

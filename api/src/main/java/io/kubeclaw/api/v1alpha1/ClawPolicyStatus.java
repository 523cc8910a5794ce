package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kubeclaw.api.v1alpha1.common.ConditionedStatus;

import java.util.List;

/** The observed state of a ClawPolicy, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("Which instances the policy applies to, written by the operator.")
public class ClawPolicyStatus extends ConditionedStatus {

    @JsonPropertyDescription("Names of the ClawInstances whose policyRef names this policy.")
    private List<String> boundInstances;

    public List<String> getBoundInstances() {
        return boundInstances;
    }

    public void setBoundInstances(List<String> boundInstances) {
        this.boundInstances = boundInstances;
    }
}

package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.kubeclaw.api.v1alpha1.common.ConditionedStatus;
import io.kubeclaw.api.v1alpha1.common.ReadinessPhase;

/** The observed state of a SkillPack, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("Whether the skills are published for agents, written by the operator.")
public class SkillPackStatus extends ConditionedStatus {

    @JsonPropertyDescription("Pending, Ready, Degraded or Failed.")
    private ReadinessPhase phase;

    @JsonPropertyDescription("Name of the ConfigMap the skills are rendered into for agent pods to mount.")
    private String configMapName;

    @JsonPropertyDescription("Number of skills in the pack.")
    private Integer skillCount;

    public ReadinessPhase getPhase() {
        return phase;
    }

    public void setPhase(ReadinessPhase phase) {
        this.phase = phase;
    }

    public String getConfigMapName() {
        return configMapName;
    }

    public void setConfigMapName(String configMapName) {
        this.configMapName = configMapName;
    }

    public Integer getSkillCount() {
        return skillCount;
    }

    public void setSkillCount(Integer skillCount) {
        this.skillCount = skillCount;
    }
}

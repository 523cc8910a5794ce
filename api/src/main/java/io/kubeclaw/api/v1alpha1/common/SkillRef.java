package io.kubeclaw.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Names a SkillPack whose skills an agent gets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SkillRef {

    @Required
    @Pattern(SchemaPatterns.DNS1123_LABEL)
    @Size(max = SchemaPatterns.DNS1123_LABEL_MAX_LENGTH)
    @JsonPropertyDescription("Name of a SkillPack in the same namespace.")
    private String skillPackRef;

    public SkillRef() {
    }

    public SkillRef(String skillPackRef) {
        this.skillPackRef = skillPackRef;
    }

    public String getSkillPackRef() {
        return skillPackRef;
    }

    public void setSkillPackRef(String skillPackRef) {
        this.skillPackRef = skillPackRef;
    }
}

package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubeclaw.api.v1alpha1.skillpack.RuntimeRequirements;
import io.kubeclaw.api.v1alpha1.skillpack.SidecarSpec;
import io.kubeclaw.api.v1alpha1.skillpack.Skill;

import java.util.List;

/** The desired state of a SkillPack. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("The skills, and what they need to run.")
public class SkillPackSpec {

    /** See {@link Skill#MAX_CONTENT_LENGTH}: the pack must fit in one ConfigMap. */
    public static final int MAX_SKILLS = 16;

    @Required
    @Size(min = 1, max = MAX_SKILLS)
    @ValidationRule(
            value = "self.all(s, self.exists_one(t, t.name == s.name))",
            message = "skill names must be unique within a SkillPack: rename or remove the duplicate skill")
    @JsonPropertyDescription("The skills of the pack, 1 to 16, with unique names.")
    private List<Skill> skills;

    @Size(max = 63)
    @JsonPropertyDescription("Free-form grouping shown in listings, e.g. operations or research.")
    private String category;

    @Pattern("^v?[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$")
    @Size(max = 64)
    @JsonPropertyDescription("Semantic version of the pack, e.g. 0.1.0.")
    private String version;

    @JsonPropertyDescription("What the agent pod must provide for the skills to work.")
    private RuntimeRequirements runtimeRequirements;

    @JsonPropertyDescription("A container added to agent pods using the pack, carrying the skills' tools and Kubernetes permissions.")
    private SidecarSpec sidecar;

    public List<Skill> getSkills() {
        return skills;
    }

    public void setSkills(List<Skill> skills) {
        this.skills = skills;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public RuntimeRequirements getRuntimeRequirements() {
        return runtimeRequirements;
    }

    public void setRuntimeRequirements(RuntimeRequirements runtimeRequirements) {
        this.runtimeRequirements = runtimeRequirements;
    }

    public SidecarSpec getSidecar() {
        return sidecar;
    }

    public void setSidecar(SidecarSpec sidecar) {
        this.sidecar = sidecar;
    }
}

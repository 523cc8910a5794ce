package io.kubeclaw.api.v1alpha1.skillpack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;

/** One skill: Markdown instructions an agent reads when the task calls for it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Skill {

    /**
     * A pack's skills are rendered into one ConfigMap (1 MiB at most), so
     * {@code MAX_CONTENT_LENGTH * SkillPackSpec.MAX_SKILLS} stays well below that.
     */
    public static final int MAX_CONTENT_LENGTH = 49152;

    @Required
    @Pattern(SchemaPatterns.DNS1123_LABEL)
    @Size(max = SchemaPatterns.DNS1123_LABEL_MAX_LENGTH)
    @JsonPropertyDescription("Name of the skill, unique within the pack; also its file name in the agent's workspace.")
    private String name;

    @Size(max = 1024)
    @JsonPropertyDescription("One or two sentences telling the agent when to use the skill.")
    private String description;

    @JsonPropertyDescription("Executables and tools the skill needs.")
    private SkillRequirements requires;

    @Required
    @Size(min = 1, max = MAX_CONTENT_LENGTH)
    @JsonPropertyDescription("The skill itself, in Markdown. At most 48 KiB.")
    private String content;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public SkillRequirements getRequires() {
        return requires;
    }

    public void setRequires(SkillRequirements requires) {
        this.requires = requires;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }
}

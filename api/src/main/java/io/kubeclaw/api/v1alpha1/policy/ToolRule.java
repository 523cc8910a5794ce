package io.kubeclaw.api.v1alpha1.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;

/** The action for calls of one tool (or tool prefix). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolRule {

    @Required
    @Pattern(SchemaPatterns.TOOL_NAME)
    @Size(max = SchemaPatterns.TOOL_NAME_MAX_LENGTH)
    @JsonPropertyDescription("Tool name, or a prefix ending in * such as kubectl.*.")
    private String tool;

    @Required
    @JsonPropertyDescription("allow, deny, or ask (wait for a human's approval).")
    private ToolAction action;

    public ToolRule() {
    }

    public ToolRule(String tool, ToolAction action) {
        this.tool = tool;
        this.action = action;
    }

    public String getTool() {
        return tool;
    }

    public void setTool(String tool) {
        this.tool = tool;
    }

    public ToolAction getAction() {
        return action;
    }

    public void setAction(ToolAction action) {
        this.action = action;
    }
}

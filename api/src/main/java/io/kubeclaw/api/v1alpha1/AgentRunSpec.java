package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubeclaw.api.v1alpha1.common.SandboxSpec;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;
import io.kubeclaw.api.v1alpha1.common.SkillRef;
import io.kubeclaw.api.v1alpha1.run.CleanupPolicy;
import io.kubeclaw.api.v1alpha1.run.ParentRun;
import io.kubeclaw.api.v1alpha1.run.ReplyTarget;
import io.kubeclaw.api.v1alpha1.run.ToolPolicy;

import java.util.List;

/** The desired state of an AgentRun: the task and how to run it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("The task and how to run it.")
public class AgentRunSpec {

    @Required
    @Pattern(SchemaPatterns.DNS1123_LABEL)
    @Size(max = SchemaPatterns.DNS1123_LABEL_MAX_LENGTH)
    @ValidationRule(value = "self == oldSelf", message = "instanceRef cannot be changed: create a new AgentRun for the other instance")
    @JsonPropertyDescription("Name of the ClawInstance (same namespace) whose provider, skills, memory and policy the run uses. Immutable.")
    private String instanceRef;

    @Required
    @Size(min = 1, max = 65536)
    @JsonPropertyDescription("What the agent should do, in natural language.")
    private String task;

    @Size(max = 65536)
    @JsonPropertyDescription("System prompt for this run, added after the instance's memory.systemPrompt.")
    private String systemPrompt;

    @Size(max = 256)
    @JsonPropertyDescription("Model to use instead of the instance's spec.provider.model, with the same provider.")
    private String model;

    @JsonPropertyDescription("Sandbox for this run's tool calls, overriding the instance's agents.sandbox within the ClawPolicy.")
    private SandboxSpec sandbox;

    @Size(max = 32)
    @JsonPropertyDescription("SkillPacks this run gets in addition to the instance's skills.")
    private List<SkillRef> skills;

    @JsonPropertyDescription("Tools this run may and may not call, narrowing the ClawPolicy's tool gating.")
    private ToolPolicy toolPolicy;

    @Pattern(SchemaPatterns.DURATION)
    @Size(max = 32)
    @JsonPropertyDescription("How long the run may take before it is stopped and marked Failed, e.g. 30m or 1h30m. Defaults to the instance's agents.runTimeout.")
    private String timeout;

    @JsonPropertyDescription("Whether the run's Job and pod are deleted (Delete) or kept for inspection (Keep) once it has finished.")
    private CleanupPolicy cleanup;

    // Boxed so that "unset" (take the default) and an explicit false stay distinguishable.
    @Default("true")
    @JsonPropertyDescription("Give the run the instance's memory read-only at /memory, when the instance keeps one. Defaults to true.")
    private Boolean includeMemory;

    @Size(max = 256)
    @JsonPropertyDescription("Groups runs into one conversation: runs with the same key share conversation history.")
    private String sessionKey;

    @JsonPropertyDescription("Set on child runs that an agent spawned: the parent run and the depth in the delegation tree.")
    private ParentRun parent;

    @JsonPropertyDescription("Chat the answer is sent back to, when the run came from a channel message.")
    private ReplyTarget replyTo;

    public String getInstanceRef() {
        return instanceRef;
    }

    public void setInstanceRef(String instanceRef) {
        this.instanceRef = instanceRef;
    }

    public String getTask() {
        return task;
    }

    public void setTask(String task) {
        this.task = task;
    }

    public String getSystemPrompt() {
        return systemPrompt;
    }

    public void setSystemPrompt(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public SandboxSpec getSandbox() {
        return sandbox;
    }

    public void setSandbox(SandboxSpec sandbox) {
        this.sandbox = sandbox;
    }

    public List<SkillRef> getSkills() {
        return skills;
    }

    public void setSkills(List<SkillRef> skills) {
        this.skills = skills;
    }

    public ToolPolicy getToolPolicy() {
        return toolPolicy;
    }

    public void setToolPolicy(ToolPolicy toolPolicy) {
        this.toolPolicy = toolPolicy;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public CleanupPolicy getCleanup() {
        return cleanup;
    }

    public void setCleanup(CleanupPolicy cleanup) {
        this.cleanup = cleanup;
    }

    public Boolean getIncludeMemory() {
        return includeMemory;
    }

    public void setIncludeMemory(Boolean includeMemory) {
        this.includeMemory = includeMemory;
    }

    public String getSessionKey() {
        return sessionKey;
    }

    public void setSessionKey(String sessionKey) {
        this.sessionKey = sessionKey;
    }

    public ParentRun getParent() {
        return parent;
    }

    public void setParent(ParentRun parent) {
        this.parent = parent;
    }

    public ReplyTarget getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(ReplyTarget replyTo) {
        this.replyTo = replyTo;
    }
}

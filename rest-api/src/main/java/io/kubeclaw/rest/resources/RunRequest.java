package io.kubeclaw.rest.resources;

import io.kubeclaw.api.v1alpha1.run.ToolPolicy;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to start a run: an instance and a task, and optionally what AgentRun.spec allows besides. */
@Schema(name = "RunRequest", description = "Starts an AgentRun of an instance. Only instance and task are required.")
public record RunRequest(
        @Schema(required = true, description = "The ClawInstance (same namespace) that runs the task") String instance,
        @Schema(required = true, description = "What the agent should do") String task,
        @Schema(description = "The run's name; by default <instance>- plus a generated suffix") String name,
        @Schema(description = "Model instead of the instance's") String model,
        @Schema(description = "Added to the instance's system prompt") String systemPrompt,
        @Schema(description = "e.g. 10m; defaults to the instance's agents.runTimeout") String timeout,
        @Schema(description = "Runs with the same key form one conversation") String sessionKey,
        @Schema(description = "Tools this run may and may not call") ToolPolicy toolPolicy,
        @Schema(description = "Labels for the AgentRun") Map<String, String> labels) {
}

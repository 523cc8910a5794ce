package io.kubeclaw.runner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;

/** A tool the agent may offer the model. */
public interface AgentTool {

    ToolSpecification specification();

    default String name() {
        return specification().name();
    }

    /**
     * Runs one call. A problem the model can act on (a bad path, a refused address) is an {@link ToolOutcome#refused}
     * answer, not an exception.
     */
    ToolOutcome call(String callId, JsonNode arguments) throws Exception;
}

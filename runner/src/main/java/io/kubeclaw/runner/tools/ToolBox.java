package io.kubeclaw.runner.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.kubeclaw.api.events.EventJson;
import io.kubeclaw.api.runner.ToolRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools of one run after its tool rules: a denied tool is not offered to the model, and a call to it (a model
 * may call a tool it was not offered) is refused. A tool whose rule is {@code ask} runs only after a human approves
 * the call.
 */
public final class ToolBox {

    /** Asks a human whether a call may run; false when nobody approved it in time. */
    @FunctionalInterface
    public interface Approver {
        ApprovalOutcome approve(String callId, String tool, String arguments) throws Exception;
    }

    public record ApprovalOutcome(boolean approved, String reason) {
    }

    private final Map<String, AgentTool> offered = new LinkedHashMap<>();
    private final Map<String, AgentTool> known = new LinkedHashMap<>();
    private final ToolRules rules;
    private final Approver approver;

    public ToolBox(List<AgentTool> tools, ToolRules rules, Approver approver) {
        this.rules = rules;
        this.approver = approver;
        for (AgentTool tool : tools) {
            known.put(tool.name(), tool);
            if (rules.decide(tool.name()) != ToolRules.Decision.DENY) {
                offered.put(tool.name(), tool);
            }
        }
    }

    public List<ToolSpecification> specifications() {
        return offered.values().stream().map(AgentTool::specification).toList();
    }

    public List<String> offeredNames() {
        return List.copyOf(offered.keySet());
    }

    /** Runs one call of the model's; whatever happens, the model gets an answer it can read. */
    public ToolOutcome call(ToolExecutionRequest request) {
        String name = request.name();
        AgentTool tool = offered.get(name);
        if (tool == null) {
            return ToolOutcome.refused(known.containsKey(name) ? "the tool " + name + " is denied by this run's tool policy"
                    : "there is no tool named " + name + "; the tools are " + offeredNames());
        }
        JsonNode arguments;
        try {
            String raw = request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
            arguments = EventJson.mapper().readTree(raw);
            if (!arguments.isObject()) {
                return ToolOutcome.refused("the arguments must be a JSON object");
            }
        } catch (Exception e) {
            return ToolOutcome.refused("the arguments are not valid JSON: " + e.getMessage());
        }
        try {
            if (rules.decide(name) == ToolRules.Decision.ASK) {
                ApprovalOutcome approval = approver.approve(request.id(), name, request.arguments());
                if (!approval.approved()) {
                    return ToolOutcome.refused("the call of " + name + " was not approved: " + approval.reason());
                }
            }
            return tool.call(request.id(), arguments);
        } catch (IllegalArgumentException e) {
            return ToolOutcome.refused(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolOutcome.failed("interrupted");
        } catch (Exception e) {
            return ToolOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

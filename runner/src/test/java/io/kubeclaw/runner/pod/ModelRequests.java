package io.kubeclaw.runner.pod;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeclaw.testsupport.llm.RecordedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the runner sent to the fake LLM, in either wire format (OpenAI's or Anthropic's). */
final class ModelRequests {

    private ModelRequests() {
    }

    /** Names of the tools offered in the request. */
    static List<String> offeredTools(RecordedRequest request) {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : request.json().path("tools")) {
            names.add(tool.has("function") ? tool.path("function").path("name").asText() : tool.path("name").asText());
        }
        return names;
    }

    /** Tool results the request hands back to the model, by tool call id. */
    static Map<String, String> toolResults(RecordedRequest request) {
        Map<String, String> results = new LinkedHashMap<>();
        for (JsonNode message : request.json().path("messages")) {
            if ("tool".equals(message.path("role").asText())) {
                results.put(message.path("tool_call_id").asText(), message.path("content").asText());
            }
            for (JsonNode block : message.path("content")) {
                if ("tool_result".equals(block.path("type").asText())) {
                    results.put(block.path("tool_use_id").asText(), textOf(block.path("content")));
                }
            }
        }
        return results;
    }

    private static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
    }
}

package io.kubeclaw.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One HTTP request the fake LLM received, as it arrived; query is the raw query string or null. */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

    public RecordedRequest {
        // HTTP header names are case-insensitive, and the JDK server rewrites their case, so lookups must ignore it.
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    public JsonNode json() {
        return Json.parse(body);
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The value of one query parameter, or null; enough for the flat queries LLM clients send. */
    String queryParameter(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }
}

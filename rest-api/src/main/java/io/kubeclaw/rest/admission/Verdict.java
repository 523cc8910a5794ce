package io.kubeclaw.rest.admission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook's answer for one object: allowed or not, the message a denial carries to kubectl, and for the
 * mutating hook the JSON Patch operations that set defaults.
 */
public record Verdict(boolean allowed, String message, List<Map<String, Object>> patch) {

    public Verdict {
        patch = List.copyOf(patch);
    }

    public static Verdict allow() {
        return new Verdict(true, null, List.of());
    }

    public static Verdict deny(String message) {
        return new Verdict(false, message, List.of());
    }

    /** Allowed once the patch is applied. */
    public static Verdict patched(List<Map<String, Object>> patch) {
        return new Verdict(true, null, patch);
    }

    /** JSON Patch's "add": creates the member, or replaces it when present. */
    static Map<String, Object> add(String path, Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", "add");
        operation.put("path", path);
        operation.put("value", value);
        return operation;
    }
}

package io.kubeclaw.rest.admission;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeclaw.rest.auth.Caller;
import io.kubeclaw.rest.json.JacksonJson;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One AdmissionReview request from the apiserver (admission.k8s.io/v1), read from its JSON: who asks to do what to
 * which object. Read by hand rather than through fabric8's model, whose {@code object} field needs every custom
 * resource class registered for polymorphic reading.
 */
public record AdmissionCall(String uid, String resource, String operation, String namespace, Caller user, JsonNode object, JsonNode oldObject) {

    static final String API_VERSION = "admission.k8s.io/v1";
    // Objects are read leniently: the apiserver may send fields a newer CRD version added.
    private static final ObjectMapper OBJECTS = JacksonJson.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static AdmissionCall of(JsonNode review) {
        JsonNode request = review == null ? null : review.get("request");
        if (request == null || !request.hasNonNull("uid")) {
            throw new IllegalArgumentException("not an AdmissionReview request: the body has no request.uid");
        }
        JsonNode userInfo = request.path("userInfo");
        List<String> groups = new ArrayList<>();
        userInfo.path("groups").forEach(group -> groups.add(group.asText()));
        Map<String, List<String>> extra = new LinkedHashMap<>();
        userInfo.path("extra").properties().forEach(entry -> {
            List<String> values = new ArrayList<>();
            entry.getValue().forEach(value -> values.add(value.asText()));
            extra.put(entry.getKey(), values);
        });
        Caller user = new Caller(userInfo.path("username").asText(""), userInfo.path("uid").asText(null), groups, extra);
        return new AdmissionCall(request.get("uid").asText(), request.path("resource").path("resource").asText(""),
                request.path("operation").asText(""), request.path("namespace").asText(null), user,
                nullIfMissing(request.get("object")), nullIfMissing(request.get("oldObject")));
    }

    /** The object as the given model class, or null when the request carries none (a DELETE). */
    public <T> T object(Class<T> type) {
        return read(object, type);
    }

    public <T> T oldObject(Class<T> type) {
        return read(oldObject, type);
    }

    /** The AdmissionReview answering this call. */
    public Map<String, Object> answer(Verdict verdict) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("uid", uid);
        response.put("allowed", verdict.allowed());
        if (!verdict.allowed()) {
            response.put("status", Map.of("code", 403, "reason", "Forbidden", "message", verdict.message()));
        }
        if (!verdict.patch().isEmpty()) {
            response.put("patchType", "JSONPatch");
            response.put("patch", Base64.getEncoder().encodeToString(json(verdict.patch())));
        }
        return Map.of("apiVersion", API_VERSION, "kind", "AdmissionReview", "response", response);
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return node == null ? null : OBJECTS.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the " + type.getSimpleName() + " in the AdmissionReview does not read as one: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return OBJECTS.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode nullIfMissing(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}

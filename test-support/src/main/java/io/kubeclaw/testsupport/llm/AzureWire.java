package io.kubeclaw.testsupport.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** Azure OpenAI: OpenAI's answers, but a mandatory api-version and api-key, and Azure's own error JSON. */
final class AzureWire extends OpenAiWire {

    @Override
    public Optional<Rejection> reject(RecordedRequest request) {
        String apiVersion = request.queryParameter("api-version");
        if (apiVersion == null || apiVersion.isEmpty()) {
            // Azure answers a missing api-version as if the path did not exist.
            return Optional.of(new Rejection(404, "Resource not found"));
        }
        String key = request.header("api-key");
        if (key == null || key.isBlank()) {
            return Optional.of(new Rejection(401, "Access denied due to invalid subscription key or wrong API endpoint."
                    + " Make sure to provide a valid key for an active subscription and use a correct regional API"
                    + " endpoint for your resource."));
        }
        return Optional.empty();
    }

    @Override
    public ObjectNode errorBody(int status, String message) {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", String.valueOf(status)).put("message", message);
        return body;
    }
}

package io.kubeclaw.runner.config;

import io.kubeclaw.api.runner.RunnerEnv;
import io.kubeclaw.api.v1alpha1.instance.ProviderName;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach the LLM.
 *
 * @param model          the model, or for Azure OpenAI the deployment name
 * @param baseUrl        the endpoint; required for azure-openai and openai-compatible
 * @param apiVersion     Azure OpenAI's api-version; a current GA version when null
 * @param requestTimeout how long one request may take before it counts as unanswered
 */
public record ProviderSettings(ProviderName name, String model, String baseUrl, String apiKey, String apiVersion,
                               Duration requestTimeout) {

    /** Azure OpenAI's GA REST version this runner is tested against. */
    public static final String AZURE_DEFAULT_API_VERSION = "2024-10-21";

    void validate() {
        boolean needsUrl = name == ProviderName.AZURE_OPENAI || name == ProviderName.OPENAI_COMPATIBLE;
        if (needsUrl && baseUrl == null) {
            throw new IllegalArgumentException(RunnerEnv.BASE_URL + " is not set: provider " + name.wireName()
                    + " needs the endpoint in the ClawInstance's spec.provider.baseURL");
        }
        boolean needsKey = name == ProviderName.OPENAI || name == ProviderName.ANTHROPIC || name == ProviderName.AZURE_OPENAI;
        if (needsKey && apiKey == null) {
            throw new IllegalArgumentException(RunnerEnv.API_KEY + " is not set: provider " + name.wireName()
                    + " needs an API key from the Secret in the ClawInstance's spec.provider.authSecretRef");
        }
        if (baseUrl != null) {
            try {
                URI uri = URI.create(baseUrl);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an http(s) URL with a host");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RunnerEnv.BASE_URL + "=\"" + baseUrl + "\" is not a usable endpoint: " + e.getMessage(), e);
            }
        }
    }
}

package io.kubeclaw.runner.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.kubeclaw.runner.config.ProviderSettings;
import java.net.URI;
import java.util.Map;

/**
 * The LangChain4j chat model for a provider. Azure OpenAI, Ollama and OpenAI-compatible servers all speak the OpenAI
 * Chat Completions protocol, so one client module covers four providers; Azure differs only in its deployment URL,
 * api-key header and api-version parameter. Retries are the transport's ({@link RetryingHttpClient}), which honours
 * Retry-After, so LangChain4j's own are off.
 */
public final class ChatModels {

    static final String OPENAI_URL = "https://api.openai.com/v1";
    static final String ANTHROPIC_URL = "https://api.anthropic.com/v1/";
    static final String OLLAMA_URL = "http://localhost:11434/v1";
    /** Anthropic requires max_tokens on every request; this leaves room for long tool arguments. */
    static final int ANTHROPIC_MAX_TOKENS = 4096;

    private ChatModels() {
    }

    public static ChatModel create(ProviderSettings provider, RetryPolicy retries) {
        var transport = new RetryingHttpClient.Builder(retries);
        return switch (provider.name()) {
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(transport)
                    .baseUrl(orDefault(provider.baseUrl(), ANTHROPIC_URL))
                    .apiKey(provider.apiKey())
                    .modelName(provider.model())
                    .maxTokens(ANTHROPIC_MAX_TOKENS)
                    .timeout(provider.requestTimeout())
                    .maxRetries(0)
                    .build();
            case AZURE_OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(transport)
                    .baseUrl(azureDeploymentUrl(provider.baseUrl(), provider.model()))
                    // Azure authenticates with its own header, so no bearer token goes out.
                    .customHeaders(Map.of("api-key", provider.apiKey()))
                    .customQueryParams(Map.of("api-version", orDefault(provider.apiVersion(), ProviderSettings.AZURE_DEFAULT_API_VERSION)))
                    .modelName(provider.model())
                    .timeout(provider.requestTimeout())
                    .maxRetries(0)
                    .build();
            case OPENAI, OLLAMA, OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
                    .httpClientBuilder(transport)
                    .baseUrl(openAiUrl(provider))
                    // A local Ollama or an open endpoint takes no key; none is sent then.
                    .apiKey(provider.apiKey())
                    .modelName(provider.model())
                    .timeout(provider.requestTimeout())
                    .maxRetries(0)
                    .build();
        };
    }

    static String openAiUrl(ProviderSettings provider) {
        return switch (provider.name()) {
            case OPENAI -> orDefault(provider.baseUrl(), OPENAI_URL);
            // Ollama's OpenAI-compatible API lives under /v1; users usually give the server's root URL.
            case OLLAMA -> provider.baseUrl() == null ? OLLAMA_URL : withPathIfEmpty(provider.baseUrl(), "/v1");
            default -> provider.baseUrl();
        };
    }

    /** {@code https://r.openai.azure.com} becomes {@code https://r.openai.azure.com/openai/deployments/<deployment>}. */
    static String azureDeploymentUrl(String endpoint, String deployment) {
        String trimmed = endpoint.replaceAll("/+$", "");
        return trimmed.contains("/openai/deployments/") ? trimmed : trimmed + "/openai/deployments/" + deployment;
    }

    private static String withPathIfEmpty(String url, String path) {
        String trimmed = url.replaceAll("/+$", "");
        String rawPath = URI.create(trimmed).getRawPath();
        return rawPath == null || rawPath.isEmpty() ? trimmed + path : url;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}

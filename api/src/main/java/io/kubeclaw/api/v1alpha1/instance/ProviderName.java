package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The LLM APIs an instance can call. */
public enum ProviderName {
    @JsonProperty("openai") OPENAI,
    @JsonProperty("anthropic") ANTHROPIC,
    @JsonProperty("azure-openai") AZURE_OPENAI,
    @JsonProperty("ollama") OLLAMA,
    @JsonProperty("openai-compatible") OPENAI_COMPATIBLE
}

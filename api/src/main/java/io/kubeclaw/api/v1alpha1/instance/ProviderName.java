package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kubeclaw.api.v1alpha1.common.WireNames;

/** The LLM APIs an instance can call. */
public enum ProviderName {
    @JsonProperty("openai") OPENAI,
    @JsonProperty("anthropic") ANTHROPIC,
    @JsonProperty("azure-openai") AZURE_OPENAI,
    @JsonProperty("ollama") OLLAMA,
    @JsonProperty("openai-compatible") OPENAI_COMPATIBLE;

    /** The name as written in YAML, which the runner receives too: read from the annotation, so it has one home. */
    public String wireName() {
        return WireNames.of(this);
    }
}
